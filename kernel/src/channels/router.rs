//! Receiving and sending signed messages on ROUTER sockets (shell, control, stdin).

use crate::wire::{decode, encode, Message, Signer};
use zeromq::{RouterSocket, Socket, SocketRecv, SocketSend, ZmqMessage};

/// Binds a ROUTER socket for `channel` at `endpoint`.
pub async fn bind(channel: &str, endpoint: &str) -> Result<RouterSocket, String> {
    let mut socket = RouterSocket::new();
    socket
        .bind(endpoint)
        .await
        .map_err(|e| format!("{channel}: cannot bind {endpoint}: {e}"))?;
    Ok(socket)
}

/// The next well-formed, correctly signed message. Anything else is logged and dropped, and
/// receiving goes on. `None` only when the socket itself is closed.
pub async fn recv<S: SocketRecv>(
    socket: &mut S,
    signer: &Signer,
    channel: &str,
) -> Option<Message> {
    loop {
        let frames = match socket.recv().await {
            Ok(frames) => frames.into_vec(),
            Err(zeromq::ZmqError::NoMessage) => return None,
            Err(e) => {
                crate::log!("{channel}: receive failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        match decode(&frames, signer) {
            Ok(message) => return Some(message),
            Err(e) => crate::log!("{channel}: dropped a message: {e}"),
        }
    }
}

/// Signs and sends `message` to the peer named by its first identity.
pub async fn send<S: SocketSend>(
    socket: &mut S,
    message: &Message,
    signer: &Signer,
    channel: &str,
) {
    if message.identities.is_empty() {
        crate::log!(
            "{channel}: {} has no identity to route to",
            message.msg_type()
        );
        return;
    }
    let frames = ZmqMessage::try_from(encode(message, signer)).expect("a message has frames");
    if let Err(e) = socket.send(frames).await {
        crate::log!("{channel}: sending {} failed: {e}", message.msg_type());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::framing::DELIMITER;
    use bytes::Bytes;
    use serde_json::json;
    use zeromq::DealerSocket;

    fn frames(parts: &[&[u8]]) -> ZmqMessage {
        let frames: Vec<Bytes> = parts.iter().map(|p| Bytes::copy_from_slice(p)).collect();
        ZmqMessage::try_from(frames).unwrap()
    }

    #[test]
    fn drops_bad_messages_and_keeps_serving() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let signer = Signer::new(b"secret");
            let mut server = RouterSocket::new();
            let endpoint = server.bind("tcp://127.0.0.1:0").await.unwrap();
            let mut client = DealerSocket::new();
            client.connect(&endpoint.to_string()).await.unwrap();

            let request = Message::new("kernel_info_request", "client", None, json!({}));
            let good = encode(&request, &signer);
            let mut forged = good.clone();
            forged[1] = Bytes::from_static(b"0000");
            let wrong_key = encode(&request, &Signer::new(b"guess"));
            let bad: [ZmqMessage; 4] = [
                ZmqMessage::try_from(forged).unwrap(),
                ZmqMessage::try_from(wrong_key).unwrap(),
                frames(&[b"no delimiter"]),
                frames(&[DELIMITER, b"sig", b"{}"]),
            ];
            for message in bad {
                client.send(message).await.unwrap();
            }
            client
                .send(ZmqMessage::try_from(good).unwrap())
                .await
                .unwrap();

            let received = recv(&mut server, &signer, "test").await.unwrap();
            assert_eq!(received.header, request.header);
            assert_eq!(received.identities.len(), 1);

            let reply = Message::new("kernel_info_reply", "k", Some(&received), json!({}));
            send(&mut server, &reply, &signer, "test").await;
            let answer = client.recv().await.unwrap().into_vec();
            let answer = crate::wire::decode(&answer, &Signer::new(b"secret")).unwrap();
            assert_eq!(answer.msg_type(), "kernel_info_reply");
            assert_eq!(answer.parent_header, request.header);
        });
    }
}
