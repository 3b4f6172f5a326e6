//! Multipart framing: `identities…, <IDS|MSG>, signature, header, parent_header, metadata,
//! content, buffers…`.

use super::message::Message;
use super::signing::{SignatureError, Signer};
use bytes::Bytes;
use serde_json::Value;
use std::fmt;

/// The frame separating routing identities from the signed message.
pub const DELIMITER: &[u8] = b"<IDS|MSG>";

/// Why incoming frames were not accepted as a message.
#[derive(Debug, PartialEq, Eq)]
pub enum WireError {
    /// No `<IDS|MSG>` frame.
    NoDelimiter,
    /// Fewer than the five frames after the delimiter.
    TooFewFrames(usize),
    /// The signature did not match.
    BadSignature,
    /// A valid signature seen before.
    Replayed,
    /// A JSON frame was not UTF-8 or not valid JSON (or the header not an object).
    BadJson(&'static str, String),
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::NoDelimiter => write!(f, "no <IDS|MSG> delimiter"),
            WireError::TooFewFrames(n) => write!(f, "only {n} frames after the delimiter"),
            WireError::BadSignature => write!(f, "invalid signature"),
            WireError::Replayed => write!(f, "replayed signature"),
            WireError::BadJson(frame, e) => write!(f, "invalid {frame}: {e}"),
        }
    }
}

impl std::error::Error for WireError {}

/// Serializes `message` into frames and signs it.
pub fn encode(message: &Message, signer: &Signer) -> Vec<Bytes> {
    let header = serde_json::to_vec(&message.header).expect("JSON values serialize");
    let parent = serde_json::to_vec(&message.parent_header).expect("JSON values serialize");
    let metadata = serde_json::to_vec(&message.metadata).expect("JSON values serialize");
    let content = serde_json::to_vec(&message.content).expect("JSON values serialize");
    let signature = signer.sign(&[&header, &parent, &metadata, &content]);
    let mut frames = Vec::with_capacity(message.identities.len() + 6 + message.buffers.len());
    frames.extend(message.identities.iter().cloned());
    frames.push(Bytes::from_static(DELIMITER));
    frames.push(Bytes::from(signature));
    frames.push(Bytes::from(header));
    frames.push(Bytes::from(parent));
    frames.push(Bytes::from(metadata));
    frames.push(Bytes::from(content));
    frames.extend(message.buffers.iter().cloned());
    frames
}

/// Parses and verifies frames. Nothing of a message is trusted before its signature checks.
pub fn decode(frames: &[Bytes], signer: &Signer) -> Result<Message, WireError> {
    let delim = frames
        .iter()
        .position(|f| f.as_ref() == DELIMITER)
        .ok_or(WireError::NoDelimiter)?;
    let rest = &frames[delim + 1..];
    if rest.len() < 5 {
        return Err(WireError::TooFewFrames(rest.len()));
    }
    signer
        .verify(&[&rest[1], &rest[2], &rest[3], &rest[4]], &rest[0])
        .map_err(|e| match e {
            SignatureError::Mismatch => WireError::BadSignature,
            SignatureError::Replayed => WireError::Replayed,
        })?;
    let header = parse_json("header", &rest[1])?;
    if header.get("msg_type").and_then(Value::as_str).is_none() {
        return Err(WireError::BadJson("header", "no msg_type".into()));
    }
    Ok(Message {
        identities: frames[..delim].to_vec(),
        header,
        parent_header: parse_json("parent_header", &rest[2])?,
        metadata: parse_json("metadata", &rest[3])?,
        content: parse_json("content", &rest[4])?,
        buffers: rest[5..].to_vec(),
    })
}

fn parse_json(frame: &'static str, bytes: &[u8]) -> Result<Value, WireError> {
    let text = std::str::from_utf8(bytes).map_err(|e| WireError::BadJson(frame, e.to_string()))?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| WireError::BadJson(frame, e.to_string()))?;
    if !value.is_object() {
        return Err(WireError::BadJson(frame, "not a JSON object".into()));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request() -> Message {
        let mut m = Message::new("kernel_info_request", "s", None, json!({}));
        m.identities = vec![Bytes::from_static(b"id1"), Bytes::from_static(b"id2")];
        m.buffers = vec![Bytes::from_static(b"\x00\x01")];
        m
    }

    #[test]
    fn round_trips_identities_json_and_buffers() {
        let signer = Signer::new(b"key");
        let message = request();
        let frames = encode(&message, &signer);
        assert_eq!(frames[2].as_ref(), DELIMITER);
        assert_eq!(frames[3].len(), 64);
        assert_eq!(decode(&frames, &signer).unwrap(), message);
    }

    #[test]
    fn refuses_a_tampered_or_unsigned_message() {
        let signer = Signer::new(b"key");
        let mut frames = encode(&request(), &signer);
        frames[7] = Bytes::from_static(br#"{"code": "evil"}"#);
        assert_eq!(decode(&frames, &signer), Err(WireError::BadSignature));
        let unsigned = encode(&request(), &Signer::new(b""));
        assert_eq!(decode(&unsigned, &signer), Err(WireError::BadSignature));
        let other_key = encode(&request(), &Signer::new(b"other"));
        assert_eq!(decode(&other_key, &signer), Err(WireError::BadSignature));
    }

    #[test]
    fn refuses_a_replayed_message() {
        let signer = Signer::new(b"key");
        let frames = encode(&request(), &signer);
        assert!(decode(&frames, &signer).is_ok());
        assert_eq!(decode(&frames, &signer), Err(WireError::Replayed));
    }

    #[test]
    fn refuses_malformed_frames() {
        let signer = Signer::new(b"key");
        let frames = encode(&request(), &signer);
        assert_eq!(decode(&frames[3..], &signer), Err(WireError::NoDelimiter));
        assert_eq!(
            decode(&frames[..6], &signer),
            Err(WireError::TooFewFrames(3))
        );
        assert_eq!(decode(&[], &signer), Err(WireError::NoDelimiter));
    }

    #[test]
    fn refuses_invalid_utf8_and_json_even_when_signed() {
        let signer = Signer::new(b"key");
        for (index, bad) in [(1, &b"\xff\xfe"[..]), (4, b"{not json"), (2, b"[1]")] {
            let mut parts: Vec<Vec<u8>> = vec![
                br#"{"msg_type":"x","msg_id":"1"}"#.to_vec(),
                b"{}".to_vec(),
                b"{}".to_vec(),
                b"{}".to_vec(),
            ];
            parts[index - 1] = bad.to_vec();
            let refs: Vec<&[u8]> = parts.iter().map(|p| p.as_slice()).collect();
            let mut frames = vec![
                Bytes::from_static(DELIMITER),
                Bytes::from(signer.sign(&refs)),
            ];
            frames.extend(parts.into_iter().map(Bytes::from));
            assert!(matches!(
                decode(&frames, &signer),
                Err(WireError::BadJson(_, _))
            ));
        }
    }

    #[test]
    fn accepts_anything_signed_with_an_empty_key() {
        let signer = Signer::new(b"");
        let mut frames = encode(&request(), &signer);
        frames[3] = Bytes::from_static(b"whatever");
        assert!(decode(&frames, &signer).is_ok());
    }
}
