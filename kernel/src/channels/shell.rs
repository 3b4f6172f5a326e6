//! The shell channel: requests are received as they arrive (and time-stamped, for
//! `stop_on_error`) and handled one at a time, in order.

use super::router;
use crate::server::{Server, Shell};
use crate::wire::Message;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::mpsc::unbounded_channel;
use zeromq::RouterSocket;

/// Serves shell requests until shutdown.
pub async fn run(socket: RouterSocket, server: Arc<Server>) {
    let signer = server.signer();
    let (mut sender, mut receiver) = socket.split();
    let (queue, mut queued) = unbounded_channel::<(Message, Instant)>();
    let reader_signer = signer.clone();
    tokio::spawn(async move {
        while let Some(message) = router::recv(&mut receiver, &reader_signer, "shell").await {
            if queue.send((message, Instant::now())).is_err() {
                return;
            }
        }
    });
    let mut shell = Shell::new(server.clone());
    while let Some((request, received)) = queued.recv().await {
        server.iopub().status("busy", Some(&request));
        let handled = shell.handle(&request, received).await;
        if let Some(reply) = &handled.reply {
            router::send(&mut sender, reply, &signer, "shell").await;
        }
        server.iopub().status("idle", Some(&request));
        if handled.exit {
            super::exit_soon().await;
        }
    }
}
