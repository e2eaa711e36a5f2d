# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject overrides for Distretto.

PyGObject prints an exception raised in a virtual method to stderr and
hands the caller an empty result, so the host cannot tell what went wrong;
and on ``SystemExit`` it ends the whole process. Every method of a Python
class implementing ``Distretto.Indicator`` that overrides one of the
interface's virtual methods is therefore wrapped: on any exception, from
``ValueError`` to ``SystemExit``, ``KeyboardInterrupt`` and
``RecursionError``, the wrapper reports ``FILE:LINE: ExceptionType: message``
(one line, the message cut at 200 characters) with
``Indicator.report_error()``, naming the last line of the plugin's own file
in the traceback, prints the last frames of the traceback on stderr, then
fails the call the way its caller understands (``GLib.Error`` for
``compute`` and ``render_view``, ``None`` otherwise). Only the outermost
call of a plugin's methods reports: a method calling another, or itself
until the recursion limit, gives one report, not one per level.

The host puts the folder holding ``gi/overrides`` on ``PYTHONPATH`` before it
starts Python; ``gi.overrides`` extends its path over every such folder.
"""

import functools
import os
import sys
import threading
import traceback

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Distretto = get_introspection_module('Distretto')

__all__ = []

_ERROR_DOMAIN = GLib.quark_to_string(Distretto.indicator_error_quark())


def _source_file(cls):
    module = sys.modules.get(cls.__module__)
    filename = getattr(module, '__file__', None)
    return os.path.realpath(filename) if filename else None


def _same_file(a, b):
    return b is not None and os.path.realpath(a) == b


_MESSAGE_MAX = 200
_TRACEBACK_FRAMES = 20

# The virtual methods of Distretto.Indicator, as Python spells them.
_VFUNCS = frozenset('do_' + vfunc.get_name()
                    for vfunc in Distretto.Indicator.__info__.get_vfuncs())
# Those whose caller takes a GLib.Error; the others fail with None.
_THROWS = frozenset(('do_compute', 'do_render_view'))

_calls = threading.local()


def _one_line(text):
    text = ' '.join(text.split())
    if len(text) > _MESSAGE_MAX:
        text = text[:_MESSAGE_MAX - 1] + '…'
    return text


def _describe(exc, source):
    """One line: where in the plugin the exception came from, and what it is."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if not _same_file(frame.filename, os.path.realpath(__file__))]
    own = [frame for frame in frames if _same_file(frame.filename, source)]
    what = type(exc).__name__
    if str(exc):
        what = '%s: %s' % (what, _one_line(str(exc)))
    frame = (own or frames or [None])[-1]
    if frame is None:
        return what
    return '%s:%d: %s' % (frame.filename, frame.lineno, what)


def _guard(cls, name, method):
    source = _source_file(cls)

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        # Called from another of the plugin's methods: the outermost reports.
        if getattr(_calls, 'active', False):
            return method(self, *args, **kwargs)

        _calls.active = True
        try:
            return method(self, *args, **kwargs)
        except BaseException as exc:  # pylint: disable=broad-except
            message = _describe(exc, source)
            traceback.print_exception(type(exc), exc, exc.__traceback__,
                                      limit=-_TRACEBACK_FRAMES)
        finally:
            _calls.active = False

        self.report_error(message)
        if name in _THROWS:
            raise GLib.Error(message, _ERROR_DOMAIN,
                             int(Distretto.IndicatorError.FAILED))
        return None

    guarded.__distretto_guarded__ = True
    return guarded


class Indicator(Distretto.Indicator):
    """Wraps every method of a subclass (or of the classes it inherits
    from) that overrides a virtual method of ``Distretto.Indicator``, so
    its exceptions are reported to the host with file and line."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in _VFUNCS:
            value = getattr(cls, name, None)
            if callable(value) and not getattr(value, '__distretto_guarded__', False):
                setattr(cls, name, _guard(cls, name, value))


Indicator = override(Indicator)
__all__.append('Indicator')
