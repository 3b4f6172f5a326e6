//! The IOPub channel: a PUB socket on its own thread, fed through an in-process queue so that
//! the shell, the control loop and the engine thread can all publish in order.

use crate::wire::{encode, Message, Signer};
use bytes::Bytes;
use serde_json::{json, Value};
use std::sync::Arc;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use zeromq::{PubSocket, Socket, SocketSend, ZmqMessage};

/// A cheap, cloneable handle that queues messages for the IOPub socket.
#[derive(Clone)]
pub struct Iopub {
    session: Arc<str>,
    tx: UnboundedSender<Message>,
}

impl Iopub {
    /// A handle and the receiving end that [`run`] drains.
    pub fn channel(session: &str) -> (Iopub, UnboundedReceiver<Message>) {
        let (tx, rx) = unbounded_channel();
        let handle = Iopub {
            session: Arc::from(session),
            tx,
        };
        (handle, rx)
    }

    /// Publishes `msg_type` with `content`, as a child of `parent` when given.
    pub fn publish(&self, msg_type: &str, parent: Option<&Message>, content: Value) {
        let mut message = Message::new(msg_type, &self.session, parent, content);
        message.identities = vec![Bytes::from(format!("kernel.{}.{msg_type}", self.session))];
        // A send error means the IOPub thread is gone, i.e. the kernel is exiting.
        let _ = self.tx.send(message);
    }

    /// Publishes `status` with `execution_state` `busy`, `idle` or `starting`.
    pub fn status(&self, state: &str, parent: Option<&Message>) {
        self.publish("status", parent, json!({ "execution_state": state }));
    }
}

/// Binds the PUB socket at `endpoint`; the returned future publishes until the queue closes.
pub async fn bind(endpoint: &str) -> Result<PubSocket, String> {
    let mut socket = PubSocket::new();
    socket
        .bind(endpoint)
        .await
        .map_err(|e| format!("iopub: cannot bind {endpoint}: {e}"))?;
    Ok(socket)
}

/// Sends queued messages, merging consecutive `stream` messages that are already waiting.
pub async fn run(mut socket: PubSocket, mut rx: UnboundedReceiver<Message>, signer: Arc<Signer>) {
    let mut pending: Option<Message> = None;
    loop {
        let mut message = match pending.take() {
            Some(m) => m,
            None => match rx.recv().await {
                Some(m) => m,
                None => return,
            },
        };
        if message.msg_type() == "stream" {
            while let Ok(next) = rx.try_recv() {
                if !append_stream(&mut message, &next) {
                    pending = Some(next);
                    break;
                }
            }
        }
        let frames = encode(&message, &signer);
        let frames = ZmqMessage::try_from(frames).expect("a message has frames");
        if let Err(e) = socket.send(frames).await {
            crate::log!("iopub: send failed: {e}");
        }
    }
}

/// Appends `next` to `stream` when both are the same stream of the same request.
fn append_stream(stream: &mut Message, next: &Message) -> bool {
    if next.msg_type() != "stream"
        || next.parent_header.get("msg_id") != stream.parent_header.get("msg_id")
        || next.content.get("name") != stream.content.get("name")
    {
        return false;
    }
    let extra = next.str_field("text").to_string();
    if let Some(Value::String(text)) = stream.content.get_mut("text") {
        text.push_str(&extra);
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_only_the_same_stream_of_the_same_request() {
        let (iopub, mut rx) = Iopub::channel("s");
        let parent = Message::new("execute_request", "c", None, json!({}));
        iopub.publish(
            "stream",
            Some(&parent),
            json!({"name": "stdout", "text": "a"}),
        );
        iopub.publish(
            "stream",
            Some(&parent),
            json!({"name": "stdout", "text": "b"}),
        );
        iopub.publish(
            "stream",
            Some(&parent),
            json!({"name": "stderr", "text": "c"}),
        );
        iopub.status("idle", Some(&parent));
        let mut first = rx.try_recv().unwrap();
        assert!(append_stream(&mut first, &rx.try_recv().unwrap()));
        assert_eq!(first.content["text"], "ab");
        assert!(!append_stream(&mut first, &rx.try_recv().unwrap()));
        assert!(!append_stream(&mut first, &rx.try_recv().unwrap()));
        assert_eq!(first.identities[0].as_ref(), b"kernel.s.stream");
    }
}
