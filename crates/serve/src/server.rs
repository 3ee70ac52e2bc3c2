//! Binding, the accept loop, and a shutdown that drains: on Ctrl-C (or
//! `Running::stop`) the listener closes, idle connections close, and
//! requests in flight finish before the server returns.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use httpdex_catalog::{Catalog, Entry};
use httpdex_core::http::Rules;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::body::Kind;
use crate::wire::Response;
use crate::{Config, Log, conn, respond};

/// What every connection shares: the catalog, its rules and prepared
/// responses (worked out once at start-up, not per request), the
/// configuration and the log.
pub(crate) struct State {
    pub catalog: Arc<Catalog>,
    pub config: Config,
    pub log: Option<Log>,
    entries: HashMap<String, Prepared>,
    seed: AtomicU64,
}

struct Prepared {
    rules: Rules,
    /// In the order of `respond::PREPARED`.
    responses: [Option<Arc<Response>>; 3],
}

impl State {
    pub fn rules(&self, entry: &Entry) -> &Rules {
        &self.entries[entry.id.as_ref()].rules
    }

    /// The response prepared for a plain GET of `entry` in `kind`.
    pub fn prepared(&self, entry: &Entry, kind: Kind) -> Option<Arc<Response>> {
        let at = respond::PREPARED.iter().position(|k| *k == kind)?;
        self.entries[entry.id.as_ref()].responses[at].clone()
    }

    /// The reason phrase the playground sends with one of its own answers.
    pub fn reason(&self, status: u16) -> String {
        self.catalog
            .get(&status.to_string())
            .and_then(|e| self.rules(e).reason.clone())
            .unwrap_or_default()
    }

    /// A number in [0, 1) for the random routes: splitmix64 over a shared
    /// counter, which is all a playground's dice need.
    pub fn random(&self) -> f64 {
        let mut z = self
            .seed
            .fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A bound playground, not yet serving.
pub struct Server {
    listener: std::net::TcpListener,
    state: State,
}

impl Server {
    /// Binds `config.addr` (port 0 picks a free port: see `local_addr`).
    pub fn bind(config: Config, catalog: Arc<Catalog>, log: Option<Log>) -> io::Result<Server> {
        let listener = std::net::TcpListener::bind(config.addr)?;
        listener.set_nonblocking(true)?;
        let config = Config {
            addr: listener.local_addr()?,
            ..config
        };
        let entries = catalog
            .entries()
            .iter()
            .map(|e| {
                let rules = Rules::of(e);
                let responses = [None, None, None];
                (e.id.to_string(), Prepared { rules, responses })
            })
            .collect();
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        let mut state = State {
            catalog,
            config,
            log,
            entries,
            seed: AtomicU64::new(seed),
        };
        let catalog = state.catalog.clone();
        for entry in catalog.entries() {
            let responses = respond::prepare(&state, entry);
            if let Some(prepared) = state.entries.get_mut(entry.id.as_ref()) {
                prepared.responses = responses;
            }
        }
        Ok(Server { listener, state })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.state.config.addr
    }

    /// Serves until Ctrl-C or SIGTERM, then drains; a second Ctrl-C stops
    /// the draining.
    pub fn run(self) -> io::Result<()> {
        runtime()?.block_on(async move {
            let listener = TcpListener::from_std(self.listener)?;
            let (stop, hurry) = stop_signals()?;
            serve(listener, self.state, stop, hurry).await;
            Ok(())
        })
    }

    /// Serves on a thread of its own until `Running::stop`.
    pub fn spawn(self) -> io::Result<Running> {
        let addr = self.local_addr();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let runtime = runtime()?;
        let thread = std::thread::Builder::new()
            .name("httpdex-serve".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = TcpListener::from_std(self.listener) else {
                        return;
                    };
                    let stop = async {
                        let _ = stopped.await;
                    };
                    serve(listener, self.state, stop, std::future::pending()).await;
                })
            })?;
        Ok(Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

/// A playground serving on its own thread; dropping it stops it too.
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, drains, and waits for the server's thread.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.halt();
    }
}

fn runtime() -> io::Result<tokio::runtime::Runtime> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .thread_name("httpdex-serve")
        .enable_io()
        .enable_time()
        .build()
}

/// The first Ctrl-C (or SIGTERM) stops accepting, the second stops the
/// draining. One listener per signal, made before serving starts: two
/// listeners made as each wait begins would lose a second Ctrl-C sent
/// before the second was made.
fn stop_signals() -> io::Result<(impl Future<Output = ()>, impl Future<Output = ()>)> {
    let (stopping, stop) = tokio::sync::oneshot::channel::<()>();
    let (hurrying, hurry) = tokio::sync::oneshot::channel::<()>();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        tokio::spawn(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
            let _ = stopping.send(());
            interrupt.recv().await;
            let _ = hurrying.send(());
        });
    }
    #[cfg(not(unix))]
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = stopping.send(());
        let _ = tokio::signal::ctrl_c().await;
        let _ = hurrying.send(());
    });
    Ok((
        async {
            let _ = stop.await;
        },
        async {
            let _ = hurry.await;
        },
    ))
}

/// Accepts until `stop`, then drains the connections, or stops draining
/// at `hurry`.
async fn serve(
    listener: TcpListener,
    state: State,
    stop: impl Future<Output = ()>,
    hurry: impl Future<Output = ()>,
) {
    let state = Arc::new(state);
    let (shutdown, watching) = watch::channel(false);
    let open = Arc::new(AtomicUsize::new(0));
    let mut tasks = JoinSet::new();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            accepted = listener.accept() => {
                // An accept error (out of descriptors) is the machine's
                // trouble, not the next client's: wait a moment, go on.
                let Ok((stream, peer)) = accepted else {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let state = state.clone();
                if open.load(Ordering::Relaxed) >= state.config.limits.max_connections {
                    tasks.spawn(conn::refuse_connection(stream, peer, state));
                    continue;
                }
                let (open, watching) = (open.clone(), watching.clone());
                open.fetch_add(1, Ordering::Relaxed);
                tasks.spawn(async move {
                    conn::serve(stream, peer, state, watching).await;
                    open.fetch_sub(1, Ordering::Relaxed);
                });
            }
        }
    }
    drop(listener);
    let _ = shutdown.send(true);
    // In-flight requests may sleep and dribble up to the cap each; past
    // that and the read timeout, nothing legitimate is left to wait for.
    let limits = &state.config.limits;
    let bound = state.config.max_delay * 2 + limits.read_timeout + Duration::from_secs(5);
    let drain = async { while tasks.join_next().await.is_some() {} };
    tokio::select! {
        _ = tokio::time::timeout(bound, drain) => {}
        _ = hurry => {}
    }
}
