//! The wire protocol: connection files, messages, multipart framing and HMAC signing.

pub mod connection;
pub mod framing;
pub mod message;
pub mod signing;

pub use connection::ConnectionInfo;
pub use framing::{decode, encode};
pub use message::Message;
pub use signing::Signer;
