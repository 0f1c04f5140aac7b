"""The window's plots. Each module holds one view and the data buffer it draws from (Friture's
shape): engine events append to the buffer (cheap, any time); the display clock calls
`refresh()` about 30 times a second and the view redraws only what changed since last time."""
