"""Engine options say what is wrong before any cluster starts."""

from __future__ import annotations

import pytest

from communique.errors import ConfigError
from communique.runners import DaskOptions, run_extract
from communique.settings import Settings


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [({"workers": 0}, "workers"), ({"scheduler": "localhost:8786"}, "tcp://")],
)
def test_bad_dask_options_are_config_errors(kwargs: dict[str, object], word: str) -> None:
    with pytest.raises(ConfigError, match=word):
        DaskOptions(**kwargs)  # type: ignore[arg-type]


def test_unknown_engine_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="engine"):
        run_extract([], Settings(), "spark")  # type: ignore[arg-type]
