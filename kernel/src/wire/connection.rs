//! The connection file Jupyter writes for each kernel: addresses, ports and the signing key.

use serde::Deserialize;
use std::path::Path;

/// The contents of a Jupyter connection file.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct ConnectionInfo {
    /// `tcp` or `ipc`.
    #[serde(default = "default_transport")]
    pub transport: String,
    /// The address to bind (for `ipc`, the path prefix of the socket files).
    #[serde(default = "default_ip")]
    pub ip: String,
    /// Port of the shell ROUTER socket.
    pub shell_port: u16,
    /// Port of the IOPub PUB socket.
    pub iopub_port: u16,
    /// Port of the stdin ROUTER socket.
    pub stdin_port: u16,
    /// Port of the control ROUTER socket.
    pub control_port: u16,
    /// Port of the heartbeat REP socket.
    pub hb_port: u16,
    /// The HMAC key; empty means messages are neither signed nor checked.
    #[serde(default)]
    pub key: String,
    /// Only `hmac-sha256` is supported.
    #[serde(default = "default_scheme")]
    pub signature_scheme: String,
    /// The kernelspec name the kernel was started as, if the launcher recorded it.
    #[serde(default)]
    pub kernel_name: String,
}

fn default_transport() -> String {
    "tcp".to_string()
}

fn default_ip() -> String {
    "127.0.0.1".to_string()
}

fn default_scheme() -> String {
    "hmac-sha256".to_string()
}

impl ConnectionInfo {
    /// Reads and validates a connection file.
    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read connection file {}: {e}", path.display()))?;
        Self::from_json(&text).map_err(|e| format!("bad connection file {}: {e}", path.display()))
    }

    /// Parses and validates the JSON text of a connection file.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let info: ConnectionInfo = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if info.transport != "tcp" && info.transport != "ipc" {
            return Err(format!("unsupported transport {:?}", info.transport));
        }
        if !info.key.is_empty() && info.signature_scheme != "hmac-sha256" {
            return Err(format!(
                "unsupported signature_scheme {:?} (only hmac-sha256)",
                info.signature_scheme
            ));
        }
        Ok(info)
    }

    /// The ZeroMQ endpoint for `port`, e.g. `tcp://127.0.0.1:5555` or `ipc://kernel-ipc-5`.
    pub fn endpoint(&self, port: u16) -> String {
        match self.transport.as_str() {
            "ipc" => format!("ipc://{}-{}", self.ip, port),
            _ if self.ip.contains(':') && !self.ip.starts_with('[') => {
                format!("tcp://[{}]:{}", self.ip, port)
            }
            _ => format!("tcp://{}:{}", self.ip, port),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
        "shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003,
        "control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1",
        "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84", "transport": "tcp",
        "signature_scheme": "hmac-sha256", "kernel_name": "rust-arraylib"
    }"#;

    #[test]
    fn parses_a_jupyter_connection_file() {
        let info = ConnectionInfo::from_json(SAMPLE).unwrap();
        assert_eq!(info.shell_port, 5001);
        assert_eq!(info.hb_port, 5005);
        assert_eq!(info.key, "a0436f6c-1916-498b-8eb9-e81ab9368e84");
        assert_eq!(info.endpoint(info.control_port), "tcp://127.0.0.1:5004");
    }

    #[test]
    fn builds_ipc_and_ipv6_endpoints() {
        let mut info = ConnectionInfo::from_json(SAMPLE).unwrap();
        info.ip = "::1".into();
        assert_eq!(info.endpoint(7), "tcp://[::1]:7");
        info.transport = "ipc".into();
        info.ip = "kernel-ipc".into();
        assert_eq!(info.endpoint(7), "ipc://kernel-ipc-7");
    }

    #[test]
    fn rejects_unknown_schemes_and_missing_ports() {
        let bad = SAMPLE.replace("hmac-sha256", "hmac-md5");
        assert!(ConnectionInfo::from_json(&bad).is_err());
        assert!(ConnectionInfo::from_json(r#"{"ip": "127.0.0.1"}"#).is_err());
        let udp = SAMPLE.replace("\"tcp\"", "\"udp\"");
        assert!(ConnectionInfo::from_json(&udp).is_err());
    }
}
