"""The app's own words (menus, dialogs, problems, command-line messages) in the user's
interface language: both fronts, the desktop app and the command line, translate here."""
