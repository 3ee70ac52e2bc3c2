//! What httpdex does to the machine around it: copying to the system
//! clipboard (X11, Wayland, or OSC 52 through the terminal) and keeping the
//! state file (quiz scores, the remembered snippet stack). Everything here
//! can fail for reasons outside the program, so every call returns a
//! `Result` that the caller turns into a message.

pub mod clipboard;
pub mod opener;
pub mod state;
