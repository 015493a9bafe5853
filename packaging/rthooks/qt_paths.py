# ruff: noqa: PTH118 (os.path: this runs before the app, on every start, pathlib-free as PyInstaller's own hook)
# Run-time hook of the frozen app, in place of PyInstaller's own PySide6 hook.
#
# PyInstaller's hook runs at every start and imports PySide6.QtCore there (to embed a
# qt.conf that points Qt at its plugins and translations): 60 ms before the first line of
# the app, paid by `crisisdraft-cli --version` too, which never needs Qt. This hook sets
# the same paths in the environment, which costs nothing, and embeds the qt.conf right
# after PySide6.QtCore is first imported, with PyInstaller's own helper: only the desktop
# app pays for it, as it imports Qt anyway.


def _install_qt_paths():
    import os
    import sys

    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable

    if sys.platform.startswith("win"):
        qt_path = os.path.join(sys._MEIPASS, "PySide6")
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    else:
        qt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(sys._MEIPASS, "DYLD_LIBRARY_PATH")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")

    class EmbedQtConfAfterQtCore:
        """A finder that finds nothing: it wraps the loading of PySide6.QtCore so that the
        qt.conf is embedded as soon as the module is loaded, then steps aside."""

        def find_spec(self, name, path=None, target=None):
            if name != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            from importlib.util import find_spec

            spec = find_spec(name)
            if spec is None or spec.loader is None:
                return spec
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                from _pyi_rth_utils import qt

                qt.create_embedded_qt_conf("PySide6", qt_path)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, EmbedQtConfAfterQtCore())


_install_qt_paths()
del _install_qt_paths
