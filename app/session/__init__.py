"""One open incident as the user works on it: its recovery file (typed work survives a
crash) and the shared preferences both fronts read. The CLI and the GUI drive it."""
