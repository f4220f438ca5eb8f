"""Work off the render loop: a function run once in a background thread, polled by the screen."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Worker(Generic[T]):
    """Runs `job` in a daemon thread at once; `done` tells when `result` (or `error`) is ready."""

    def __init__(self, job: Callable[[], T]) -> None:
        self._result: T | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(job,), daemon=True, name="ai-worker")
        self._thread.start()

    def _run(self, job: Callable[[], T]) -> None:
        try:
            self._result = job()
        except BaseException as exc:  # handed to the render loop, which shows it
            self.error = exc

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def result(self) -> T:
        """The job's value once done; re-raises the job's error."""
        self.wait()
        if self.error is not None:
            raise self.error
        return self._result  # type: ignore[return-value]
