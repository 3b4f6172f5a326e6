//! The heartbeat: a REP socket that echoes every ping, on a thread of its own so it keeps
//! answering however long a cell runs.

use zeromq::{RepSocket, Socket, SocketRecv, SocketSend};

/// Binds the REP socket at `endpoint`.
pub async fn bind(endpoint: &str) -> Result<RepSocket, String> {
    let mut socket = RepSocket::new();
    socket
        .bind(endpoint)
        .await
        .map_err(|e| format!("heartbeat: cannot bind {endpoint}: {e}"))?;
    Ok(socket)
}

/// Echoes pings forever.
pub async fn run(mut socket: RepSocket) {
    loop {
        match socket.recv().await {
            Ok(ping) => {
                if let Err(e) = socket.send(ping).await {
                    crate::log!("heartbeat: send failed: {e}");
                }
            }
            Err(e) => {
                crate::log!("heartbeat: receive failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
        }
    }
}
