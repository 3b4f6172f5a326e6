//! The stdin channel: the kernel sends `input_request` when a cell asks for a line of input,
//! and the frontend answers with `input_reply`.
//!
//! The engine asks through a [`Stdin`] handle from its own thread and blocks until the reply
//! comes (or it gives up, on an interrupt). One request is pending at a time, since one cell
//! runs at a time; a reply that comes after the engine gave up is dropped.

use super::router;
use crate::wire::{Message, Signer};
use std::sync::{mpsc, Arc, Mutex};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use zeromq::RouterSocket;

/// Where the value of the next `input_reply` goes.
type Pending = Arc<Mutex<Option<mpsc::Sender<String>>>>;

/// Sends `input_request`s on the stdin socket; cheap to clone.
#[derive(Clone)]
pub struct Stdin {
    requests: UnboundedSender<(Message, mpsc::Sender<String>)>,
}

impl Stdin {
    /// Sends `request` (an `input_request` routed like the shell request it belongs to);
    /// the returned channel receives the `value` of the frontend's `input_reply`.
    pub fn ask(&self, request: Message) -> mpsc::Receiver<String> {
        let (answer, answered) = mpsc::channel();
        let _ = self.requests.send((request, answer));
        answered
    }

    /// A handle and the queue [`run`] serves.
    pub fn channel() -> (Stdin, UnboundedReceiver<(Message, mpsc::Sender<String>)>) {
        let (requests, queue) = unbounded_channel();
        (Stdin { requests }, queue)
    }
}

/// Serves the stdin socket: sends queued requests, and hands each `input_reply` to the
/// request waiting for it. Anything else received is logged and dropped.
pub async fn run(
    socket: RouterSocket,
    signer: Arc<Signer>,
    mut queue: UnboundedReceiver<(Message, mpsc::Sender<String>)>,
) {
    let (mut sender, mut receiver) = socket.split();
    let pending: Pending = Arc::new(Mutex::new(None));
    let replies = pending.clone();
    let reader_signer = signer.clone();
    tokio::spawn(async move {
        while let Some(message) = router::recv(&mut receiver, &reader_signer, "stdin").await {
            if message.msg_type() != "input_reply" {
                crate::log!("stdin: ignored unexpected {}", message.msg_type());
                continue;
            }
            let value = message.str_field("value").to_string();
            match replies.lock().unwrap_or_else(|e| e.into_inner()).take() {
                Some(waiting) => {
                    let _ = waiting.send(value);
                }
                None => crate::log!("stdin: dropped an input_reply nobody waits for"),
            }
        }
    });
    while let Some((request, answer)) = queue.recv().await {
        *pending.lock().unwrap_or_else(|e| e.into_inner()) = Some(answer);
        router::send(&mut sender, &request, &signer, "stdin").await;
    }
}
