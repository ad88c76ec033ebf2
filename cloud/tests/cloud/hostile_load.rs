//! The server under hostile load, with real sockets on loopback: strangers on
//! several addresses hold pairing requests open (headers sent, the body never
//! finished) while a shop's tills go on syncing and pairing.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use crate::common::*;

/// Opens a connection from `from` to the server and sends a pairing request's
/// headers and the first byte of a body it promises to be 200 bytes long.
fn slow_pairing(from: Ipv4Addr, server: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
    socket.bind(&SocketAddr::from((from, 0)).into())?;
    socket.connect_timeout(&server.into(), Duration::from_secs(5))?;
    let mut stream: TcpStream = socket.into();
    stream.write_all(
        b"POST /v1/pair HTTP/1.1\r\nHost: cloud\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{",
    )?;
    Ok(stream)
}

/// The status line's code of what the server answered on `stream`, if it
/// answered within `wait`.
fn answered(stream: &mut TcpStream, wait: Duration) -> Option<u16> {
    stream.set_read_timeout(Some(wait)).ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

/// Three addresses open 30 slow pairing requests each (90, more than the 64
/// requests the server serves at once). Before the pairing gate every one of
/// them held a request slot for up to 60 s and the shop's push and pull
/// queued behind them; now an address holds at most two pairing slots, the
/// rest are told to try again at once, and a held body is dropped after 5 s.
#[test]
fn slow_pairing_requests_from_three_addresses_do_not_stall_a_shops_sync() {
    let b = Bench::new(Backend::Sqlite);
    let till = b.till(afternoon());
    publish_points(&till);
    let anna = till.enrol("Anna");
    till.sync().expect("first sync");
    let server = b.address();

    let strangers = [2u8, 3, 4].map(|n| Ipv4Addr::new(127, 0, 0, n));
    let mut held = Vec::new();
    for from in strangers {
        for _ in 0..30 {
            held.push(slow_pairing(from, server).expect("a stranger connects"));
        }
    }
    // Let the server take every request in.
    std::thread::sleep(Duration::from_millis(500));

    // A visit is pushed and pulled by another till, and a new till pairs,
    // while the strangers hold on.
    let started = Instant::now();
    till.visit(anna, 4_50);
    till.sync()
        .expect("the till syncs while strangers hold pairing requests");
    let other = b.till(afternoon());
    other.sync().expect("a new till pairs and pulls");
    let took = started.elapsed();
    assert_eq!(
        other.points(anna),
        till.points(anna),
        "the visit reached the other till"
    );
    assert!(
        took < Duration::from_secs(15),
        "sync and pairing waited {took:?} behind the strangers' requests"
    );

    // Of each stranger's 30 requests, all but two were answered at once (429),
    // and those two are dropped once the body deadline passes (408).
    let mut statuses = std::collections::BTreeMap::<Option<u16>, usize>::new();
    for stream in &mut held {
        *statuses
            .entry(answered(stream, Duration::from_secs(10)))
            .or_default() += 1;
    }
    assert_eq!(
        statuses.get(&Some(429)).copied().unwrap_or(0),
        84,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.get(&Some(408)).copied().unwrap_or(0),
        6,
        "{statuses:?}"
    );
}

/// Whether the server closed `stream` within `wait` (an answer before the
/// close, a 408 say, is read past).
fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    stream.set_read_timeout(Some(wait)).expect("a read timeout");
    let mut buf = [0u8; 256];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return false
            }
            Err(_) => return true,
        }
    }
}

/// Strangers who open connections and never finish a request's head (one
/// says nothing, one trickles half a head, one goes quiet after a first
/// request on a kept-alive connection) are cut off once the head deadline
/// (10 s) passes, instead of holding a connection and a task for ever;
/// meanwhile the shop syncs.
#[test]
fn a_request_head_that_never_finishes_is_cut_off() {
    let b = Bench::new(Backend::Sqlite);
    let till = b.till(afternoon());
    publish_points(&till);
    let server = b.address();
    let mut silent = TcpStream::connect(server).expect("a stranger connects");
    let mut trickle = TcpStream::connect(server).expect("a stranger connects");
    trickle
        .write_all(b"GET /health HTTP/1.1\r\nHost: cloud\r\n")
        .expect("half a head");
    let mut idle = TcpStream::connect(server).expect("a stranger connects");
    idle.write_all(b"GET /health HTTP/1.1\r\nHost: cloud\r\n\r\n")
        .expect("a request");
    assert_eq!(answered(&mut idle, Duration::from_secs(5)), Some(200));
    let started = Instant::now();
    till.sync()
        .expect("the till syncs while strangers hold connections");
    for (who, stream) in [
        ("silent", &mut silent),
        ("trickling", &mut trickle),
        ("idle", &mut idle),
    ] {
        let left = Duration::from_secs(20).saturating_sub(started.elapsed());
        assert!(
            closed_within(stream, left),
            "the {who} connection is still open after {:?}",
            started.elapsed()
        );
    }
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(9),
        "cut off after {took:?}, before the deadline"
    );
}
