import TUIModel
import TUIRender

/// What the screen loop needs from a terminal: its size, input, and writing changed cells.
/// `NCursesBackend` is the real one; every call happens on the screen loop's thread.
package protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// The file descriptor input arrives on (the loop polls it).
    var inputDescriptor: Int32 { get }
    /// Keys typed since the last call, without waiting.
    func readKeys() -> [Key]
    /// Readable when the terminal has changed size (SIGWINCH); the loop polls it.
    var resizeDescriptor: Int32 { get }
    /// Re-reads the size after SIGWINCH (and consumes the resize notice).
    func refreshSize()
    /// The next `present` repaints every cell, whatever the terminal is believed to show.
    func repaintAll()
    func draw(_ runs: [CellRun])
    /// Shows what `draw` wrote.
    func present()
    /// Gives the terminal back as it was (idempotent).
    func restore()
}
