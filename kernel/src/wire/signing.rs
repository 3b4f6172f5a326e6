//! HMAC-SHA256 signatures over the four JSON frames of a message, checked in constant time.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

type HmacSha256 = Hmac<Sha256>;

/// How many recent signatures are remembered to reject replayed messages.
const REPLAY_HISTORY: usize = 1 << 16;

/// Signs outgoing messages and verifies incoming ones with the connection file's key.
///
/// An empty key disables both: outgoing signatures are empty and incoming ones are not checked.
pub struct Signer {
    mac: Option<HmacSha256>,
    seen: Mutex<Replay>,
}

#[derive(Default)]
struct Replay {
    set: HashSet<String>,
    order: VecDeque<String>,
}

/// Why an incoming signature was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureError {
    /// The signature does not match the frames.
    Mismatch,
    /// The same signed message was received before.
    Replayed,
}

impl Signer {
    /// A signer for `key`; an empty key means no signing.
    pub fn new(key: &[u8]) -> Self {
        let mac = if key.is_empty() {
            None
        } else {
            Some(HmacSha256::new_from_slice(key).expect("HMAC accepts keys of any length"))
        };
        Signer {
            mac,
            seen: Mutex::new(Replay::default()),
        }
    }

    /// Whether messages are signed at all.
    pub fn is_enabled(&self) -> bool {
        self.mac.is_some()
    }

    /// The lowercase hex signature of `parts` (header, parent header, metadata, content).
    pub fn sign(&self, parts: &[&[u8]]) -> String {
        match &self.mac {
            None => String::new(),
            Some(mac) => {
                let mut mac = mac.clone();
                for part in parts {
                    mac.update(part);
                }
                to_hex(&mac.finalize().into_bytes())
            }
        }
    }

    /// Checks `signature` (hex) against `parts` in constant time and rejects replays.
    pub fn verify(&self, parts: &[&[u8]], signature: &[u8]) -> Result<(), SignatureError> {
        let Some(mac) = &self.mac else {
            return Ok(());
        };
        let expected = from_hex(signature).ok_or(SignatureError::Mismatch)?;
        let mut mac = mac.clone();
        for part in parts {
            mac.update(part);
        }
        mac.verify_slice(&expected)
            .map_err(|_| SignatureError::Mismatch)?;
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let signature = String::from_utf8_lossy(signature).to_ascii_lowercase();
        if !seen.set.insert(signature.clone()) {
            return Err(SignatureError::Replayed);
        }
        seen.order.push_back(signature);
        if seen.order.len() > REPLAY_HISTORY {
            if let Some(old) = seen.order.pop_front() {
                seen.set.remove(&old);
            }
        }
        Ok(())
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

fn from_hex(text: &[u8]) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    text.chunks(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_reference_hmac_sha256() {
        // RFC 4231 test case 2.
        let signer = Signer::new(b"Jefe");
        assert_eq!(
            signer.sign(&[b"what do ya want ", b"for nothing?"]),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn verifies_good_and_rejects_bad_signatures() {
        let signer = Signer::new(b"secret");
        let parts: [&[u8]; 4] = [b"{\"a\":1}", b"{}", b"{}", b"{}"];
        let sig = signer.sign(&parts);
        assert_eq!(signer.verify(&parts, sig.to_uppercase().as_bytes()), Ok(()));
        let other: [&[u8]; 4] = [b"{\"a\":2}", b"{}", b"{}", b"{}"];
        assert_eq!(
            signer.verify(&other, sig.as_bytes()),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(signer.verify(&parts, b""), Err(SignatureError::Mismatch));
        assert_eq!(signer.verify(&parts, b"zz"), Err(SignatureError::Mismatch));
        assert_eq!(
            signer.verify(&parts, &sig.as_bytes()[..10]),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn rejects_a_replayed_message() {
        let signer = Signer::new(b"secret");
        let parts: [&[u8]; 4] = [b"{\"msg_id\":\"1\"}", b"{}", b"{}", b"{}"];
        let sig = signer.sign(&parts);
        assert_eq!(signer.verify(&parts, sig.as_bytes()), Ok(()));
        assert_eq!(
            signer.verify(&parts, sig.as_bytes()),
            Err(SignatureError::Replayed)
        );
    }

    #[test]
    fn an_empty_key_disables_signing() {
        let signer = Signer::new(b"");
        assert!(!signer.is_enabled());
        assert_eq!(signer.sign(&[b"x"]), "");
        assert_eq!(signer.verify(&[b"x"], b"anything"), Ok(()));
    }
}
