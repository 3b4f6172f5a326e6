//! The long-lived child process that loads compiled cells and keeps the variables: spawning
//! it, sending commands (fd 3 in the child), reading replies (fd 4) and its stdout/stderr.

use super::super::StreamName;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::io::FromRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::Duration;

/// The hidden subcommand that turns the kernel binary into a cell host.
pub const HOST_SUBCOMMAND: &str = "__cell-host";
/// Environment variable telling the cell host where the runtime dylib is.
pub const RUNTIME_ENV: &str = "ARRAYLIB_KERNEL_RUNTIME_LIB";
/// Environment variable naming the session's support library, which the cell host loads
/// after the runtime and whose set-up function it calls once.
pub const SUPPORT_ENV: &str = "ARRAYLIB_KERNEL_SUPPORT_LIB";

/// Something the child produced.
#[derive(Debug)]
pub enum Event {
    /// Bytes on stdout or stderr.
    Output(StreamName, Vec<u8>),
    /// stdout or stderr closed.
    OutputClosed(StreamName),
    /// One JSON reply line.
    Reply(String),
    /// The reply pipe closed: the child is gone.
    ReplyClosed,
}

/// A running cell host.
pub struct ChildHost {
    child: Child,
    commands: File,
    events: Receiver<Event>,
}

fn pipe() -> std::io::Result<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok((fds[0], fds[1]))
}

/// Makes `fd` available as `target` in the child (called between fork and exec).
fn move_fd(fd: i32, target: i32) -> std::io::Result<()> {
    // SAFETY: plain descriptor calls, async-signal-safe.
    unsafe {
        if fd == target {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags < 0 || libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) < 0 {
                return Err(std::io::Error::last_os_error());
            }
        } else if libc::dup2(fd, target) < 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

impl ChildHost {
    /// Starts `exe __cell-host` with the given library path, runtime dylib and support library.
    pub fn spawn(
        exe: &Path,
        library_path: &str,
        runtime_lib: &Path,
        support_lib: &Path,
    ) -> std::io::Result<ChildHost> {
        let (cmd_r, cmd_w) = pipe()?;
        let (rep_r, rep_w) = pipe()?;
        // Keep the child's copies out of the way of fds 3 and 4 while we dup2 them.
        let (cmd_r_hi, rep_w_hi) = unsafe {
            (
                libc::fcntl(cmd_r, libc::F_DUPFD_CLOEXEC, 10),
                libc::fcntl(rep_w, libc::F_DUPFD_CLOEXEC, 10),
            )
        };
        unsafe {
            libc::close(cmd_r);
            libc::close(rep_w);
        }
        let mut cmd = Command::new(exe);
        cmd.arg(HOST_SUBCOMMAND)
            .env("LD_LIBRARY_PATH", library_path)
            .env(RUNTIME_ENV, runtime_lib)
            .env(SUPPORT_ENV, support_lib)
            .env("ARRAYLIB_KERNEL_CELL_HOST", "1")
            .env_remove("RUST_BACKTRACE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                move_fd(cmd_r_hi, 3)?;
                move_fd(rep_w_hi, 4)?;
                Ok(())
            });
        }
        let spawned = cmd.spawn();
        unsafe {
            libc::close(cmd_r_hi);
            libc::close(rep_w_hi);
        }
        let mut child = match spawned {
            Ok(c) => c,
            Err(e) => {
                unsafe {
                    libc::close(cmd_w);
                    libc::close(rep_r);
                }
                return Err(e);
            }
        };
        // SAFETY: we own these descriptors from here on.
        let commands = unsafe { File::from_raw_fd(cmd_w) };
        let replies = unsafe { File::from_raw_fd(rep_r) };
        let (tx, rx) = channel();
        for (name, stream) in [
            (
                StreamName::Stdout,
                child
                    .stdout
                    .take()
                    .map(|s| Box::new(s) as Box<dyn Read + Send>),
            ),
            (
                StreamName::Stderr,
                child
                    .stderr
                    .take()
                    .map(|s| Box::new(s) as Box<dyn Read + Send>),
            ),
        ] {
            let Some(mut stream) = stream else { continue };
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut buf = vec![0u8; 65536];
                loop {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            if tx.send(Event::Output(name, buf[..n].to_vec())).is_err() {
                                return;
                            }
                        }
                    }
                }
                let _ = tx.send(Event::OutputClosed(name));
            });
        }
        std::thread::spawn(move || {
            for line in BufReader::new(replies).lines() {
                let Ok(line) = line else { break };
                if tx.send(Event::Reply(line)).is_err() {
                    return;
                }
            }
            let _ = tx.send(Event::ReplyClosed);
        });
        Ok(ChildHost {
            child,
            commands,
            events: rx,
        })
    }

    /// The child's process id.
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Sends one command line.
    pub fn send(&mut self, line: &str) -> std::io::Result<()> {
        self.commands.write_all(format!("{line}\n").as_bytes())?;
        self.commands.flush()
    }

    /// Waits up to `timeout` for the next event.
    pub fn next_event(&self, timeout: Duration) -> Result<Event, RecvTimeoutError> {
        self.events.recv_timeout(timeout)
    }

    /// Sends a command and returns its reply, dropping output events (used when no cell runs).
    pub fn request(&mut self, line: &str, timeout: Duration) -> Option<String> {
        self.send(line).ok()?;
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.checked_duration_since(std::time::Instant::now())?;
            match self.next_event(left) {
                Ok(Event::Reply(r)) => return Some(r),
                Ok(Event::ReplyClosed) => return None,
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// Kills the child and describes how it ended.
    pub fn kill(&mut self) -> String {
        let _ = self.child.kill();
        self.wait_status()
    }

    /// Waits for the child to exit (after it closed its reply pipe) and describes the status.
    pub fn wait_status(&mut self) -> String {
        use std::os::unix::process::ExitStatusExt;
        let mut status = None;
        for _ in 0..200 {
            if let Ok(Some(s)) = self.child.try_wait() {
                status = Some(s);
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let status = match status {
            Some(s) => s,
            None => {
                let _ = self.child.kill();
                match self.child.wait() {
                    Ok(s) => s,
                    Err(e) => return format!("unknown status ({e})"),
                }
            }
        };
        if let Some(sig) = status.signal() {
            let name = match sig {
                libc::SIGSEGV => "SIGSEGV (invalid memory access or stack overflow)",
                libc::SIGABRT => "SIGABRT (aborted)",
                libc::SIGKILL => "SIGKILL",
                libc::SIGBUS => "SIGBUS",
                libc::SIGFPE => "SIGFPE",
                libc::SIGILL => "SIGILL",
                libc::SIGINT => "SIGINT",
                libc::SIGTERM => "SIGTERM",
                _ => "",
            };
            format!("killed by signal {sig} {name}")
                .trim_end()
                .to_string()
        } else {
            format!("exited with status {}", status.code().unwrap_or(-1))
        }
    }
}

impl Drop for ChildHost {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
