//! Jupyter messages: header, parent header, metadata, content and binary buffers.

use bytes::Bytes;
use serde_json::{json, Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// The messaging protocol version this kernel speaks.
pub const PROTOCOL_VERSION: &str = "5.4";

/// One Jupyter message, decoded from (or to be encoded into) multipart frames.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Routing identities (ROUTER peers) or the IOPub topic.
    pub identities: Vec<Bytes>,
    /// The header: `msg_id`, `session`, `username`, `date`, `msg_type`, `version`.
    pub header: Value,
    /// The header of the request this message answers, or `{}`.
    pub parent_header: Value,
    /// Free-form metadata.
    pub metadata: Value,
    /// The message content.
    pub content: Value,
    /// Extra binary buffers after the content frame.
    pub buffers: Vec<Bytes>,
}

impl Message {
    /// A new message of `msg_type` in `session`, answering `parent` (if any).
    ///
    /// A reply keeps the parent's identities so the ROUTER socket routes it back.
    pub fn new(msg_type: &str, session: &str, parent: Option<&Message>, content: Value) -> Self {
        let username = parent
            .and_then(|p| p.header.get("username"))
            .and_then(Value::as_str)
            .unwrap_or("kernel");
        Message {
            identities: parent.map(|p| p.identities.clone()).unwrap_or_default(),
            header: new_header(msg_type, session, username),
            parent_header: parent
                .map(|p| p.header.clone())
                .unwrap_or_else(|| json!({})),
            metadata: json!({}),
            content,
            buffers: Vec::new(),
        }
    }

    /// `header.msg_type`, or `""` when missing.
    pub fn msg_type(&self) -> &str {
        self.header
            .get("msg_type")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// `header.msg_id`, or `""` when missing.
    pub fn msg_id(&self) -> &str {
        self.header
            .get("msg_id")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// A string field of the content, or `""`.
    pub fn str_field(&self, name: &str) -> &str {
        self.content.get(name).and_then(Value::as_str).unwrap_or("")
    }

    /// A boolean field of the content, or `default` when missing or not a boolean.
    pub fn bool_field(&self, name: &str, default: bool) -> bool {
        self.content
            .get(name)
            .and_then(Value::as_bool)
            .unwrap_or(default)
    }

    /// An unsigned integer field of the content, or `default`.
    pub fn uint_field(&self, name: &str, default: u64) -> u64 {
        self.content
            .get(name)
            .and_then(Value::as_u64)
            .unwrap_or(default)
    }
}

/// A fresh header.
pub fn new_header(msg_type: &str, session: &str, username: &str) -> Value {
    let mut header = Map::new();
    header.insert("msg_id".into(), Value::String(new_id()));
    header.insert("session".into(), Value::String(session.to_string()));
    header.insert("username".into(), Value::String(username.to_string()));
    header.insert("date".into(), Value::String(now_iso8601()));
    header.insert("msg_type".into(), Value::String(msg_type.to_string()));
    header.insert(
        "version".into(),
        Value::String(PROTOCOL_VERSION.to_string()),
    );
    Value::Object(header)
}

/// A random UUID (v4) as a string.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The current UTC time as ISO 8601 with microseconds, e.g. `2024-05-01T12:00:00.123456Z`.
pub fn now_iso8601() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format_iso8601(since.as_secs(), since.subsec_micros())
}

/// Formats seconds since the Unix epoch plus microseconds as ISO 8601 UTC.
pub fn format_iso8601(secs: u64, micros: u32) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil-from-days algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{micros:06}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates() {
        assert_eq!(format_iso8601(0, 0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(
            format_iso8601(951_782_400 + 3_723, 42),
            "2000-02-29T01:02:03.000042Z"
        );
        assert_eq!(
            format_iso8601(1_700_000_000, 1),
            "2023-11-14T22:13:20.000001Z"
        );
    }

    #[test]
    fn replies_carry_the_parent_header_and_identities() {
        let mut request = Message::new("execute_request", "client", None, json!({"code": "1"}));
        request.identities = vec![Bytes::from_static(b"peer")];
        let reply = Message::new("execute_reply", "kernel", Some(&request), json!({}));
        assert_eq!(reply.parent_header, request.header);
        assert_eq!(reply.identities, request.identities);
        assert_eq!(reply.msg_type(), "execute_reply");
        assert_eq!(reply.header["version"], "5.4");
        assert_ne!(reply.msg_id(), request.msg_id());
        assert_eq!(request.str_field("code"), "1");
        assert!(request.bool_field("silent", true));
    }
}
