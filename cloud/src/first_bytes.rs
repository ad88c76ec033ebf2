//! A connection must start its request within a deadline. hyper's own
//! header deadline (set in `serve`) starts only once the first bytes have
//! come: before that, the connection waits to learn which HTTP it speaks,
//! for ever. This acceptor waits for those first bytes (after TLS, when the
//! server speaks it) within the deadline and drops a connection that sends
//! none, so a stranger who opens connections and says nothing holds none
//! of them for long. The bytes read are handed on with the stream.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::time::Duration;

use axum_server::accept::Accept;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, BufReader};

/// Wraps an acceptor: its streams come buffered, with their first bytes in.
#[derive(Debug, Clone)]
pub struct FirstBytesAcceptor<A> {
    inner: A,
    deadline: Duration,
}

impl<A> FirstBytesAcceptor<A> {
    /// `inner`'s connections, dropped unless they send something within `deadline`.
    pub fn new(inner: A, deadline: Duration) -> Self {
        FirstBytesAcceptor { inner, deadline }
    }
}

impl<I, S, A> Accept<I, S> for FirstBytesAcceptor<A>
where
    A: Accept<I, S>,
    A::Stream: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    A::Service: Send + 'static,
    A::Future: Send + 'static,
{
    type Stream = BufReader<A::Stream>;
    type Service = A::Service;
    type Future = Pin<Box<dyn Future<Output = io::Result<(Self::Stream, Self::Service)>> + Send>>;

    fn accept(&self, stream: I, service: S) -> Self::Future {
        let accepted = self.inner.accept(stream, service);
        let deadline = self.deadline;
        Box::pin(async move {
            let (stream, service) = accepted.await?;
            let mut stream = BufReader::new(stream);
            match tokio::time::timeout(deadline, stream.fill_buf()).await {
                Ok(Ok(first)) if !first.is_empty() => Ok((stream, service)),
                Ok(Ok(_)) => Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "closed before sending a request",
                )),
                Ok(Err(e)) => Err(e),
                Err(_) => {
                    tracing::debug!("a connection sent nothing within {deadline:?}: dropped");
                    Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "no request within the deadline",
                    ))
                }
            }
        })
    }
}
