//! The control channel on its own thread: answers `interrupt_request`, `shutdown_request` and
//! `kernel_info_request` while a cell runs on the shell channel.

use super::router;
use crate::server::Server;
use std::sync::Arc;
use zeromq::RouterSocket;

/// Serves control requests until shutdown.
pub async fn run(mut socket: RouterSocket, server: Arc<Server>) {
    let signer = server.signer();
    while let Some(request) = router::recv(&mut socket, &signer, "control").await {
        server.iopub().status("busy", Some(&request));
        let handled = server.handle_control(&request).await;
        if let Some(reply) = &handled.reply {
            router::send(&mut socket, reply, &signer, "control").await;
        }
        server.iopub().status("idle", Some(&request));
        if handled.exit {
            super::exit_soon().await;
        }
    }
}
