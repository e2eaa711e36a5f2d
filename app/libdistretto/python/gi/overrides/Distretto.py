# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject overrides for Distretto.

PyGObject prints an exception raised in a virtual method to stderr and
hands the caller an empty result, so the host cannot tell what went wrong.
Every ``do_*`` method of a Python class implementing ``Distretto.Indicator``
is therefore wrapped: on an exception the wrapper reports
``FILE:LINE: ExceptionType: message`` with ``Indicator.report_error()``,
naming the last line of the plugin's own file in the traceback, then fails
the call the way its caller understands (``GLib.Error`` for ``compute``,
``None`` for ``get_definition``).

The host puts the folder holding ``gi/overrides`` on ``PYTHONPATH`` before it
starts Python; ``gi.overrides`` extends its path over every such folder.
"""

import functools
import os
import sys
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


def _describe(exc, source):
    """One line: where in the plugin the exception came from, and what it is."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if not _same_file(frame.filename, os.path.realpath(__file__))]
    own = [frame for frame in frames if _same_file(frame.filename, source)]
    what = type(exc).__name__
    if str(exc):
        what = '%s: %s' % (what, exc)
    frame = (own or frames or [None])[-1]
    if frame is None:
        return what
    return '%s:%d: %s' % (frame.filename, frame.lineno, what)


def _guard(cls, name, method):
    source = _source_file(cls)

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # pylint: disable=broad-except
            message = _describe(exc, source)
            traceback.print_exc()
            self.report_error(message)
            if name == 'do_compute':
                raise GLib.Error(message, _ERROR_DOMAIN,
                                 int(Distretto.IndicatorError.FAILED)) from exc
            if name == 'do_get_definition':
                return None
            raise

    guarded.__distretto_guarded__ = True
    return guarded


class Indicator(Distretto.Indicator):
    """Wraps every ``do_*`` method of a subclass so its exceptions are
    reported to the host with file and line."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, value in list(cls.__dict__.items()):
            if (name.startswith('do_') and callable(value)
                    and not getattr(value, '__distretto_guarded__', False)):
                setattr(cls, name, _guard(cls, name, value))


Indicator = override(Indicator)
__all__.append('Indicator')
