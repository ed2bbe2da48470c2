"""The statutory clocks panel: PFD, IOPC and HMICFRS responses outstanding, with days left and the owner."""
