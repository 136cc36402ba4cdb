/// Where the scrollback is: following the newest line, or held `offset` lines above the bottom.
package struct ScrollState: Sendable, Equatable {
    /// Display lines between the bottom of the view and the newest line (0 while following).
    package var offset: Int = 0
    package var followsTail: Bool = true

    package init(offset: Int = 0, followsTail: Bool = true) {
        self.offset = offset
        self.followsTail = followsTail
    }

    /// Moves up (positive) or down by `lines`, within `0...maxOffset`; reaching the bottom follows again.
    package mutating func move(by lines: Int, maxOffset: Int) {
        offset = min(max(0, offset + lines), max(0, maxOffset))
        followsTail = offset == 0
    }

    package mutating func follow() {
        offset = 0
        followsTail = true
    }
}
