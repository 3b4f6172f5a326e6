//! The stdin channel. This kernel never sends `input_request` (cells cannot read input), so
//! the socket only exists for frontends that connect to it; anything received is dropped.

use super::router;
use crate::wire::Signer;
use std::sync::Arc;
use zeromq::RouterSocket;

/// Drops whatever arrives, after checking and logging it.
pub async fn run(mut socket: RouterSocket, signer: Arc<Signer>) {
    while let Some(message) = router::recv(&mut socket, &signer, "stdin").await {
        crate::log!("stdin: ignored unexpected {}", message.msg_type());
    }
}
