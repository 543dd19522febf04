"""Piper's voice made repeatable: the same sentence always comes out the same, in any build.

The voice model draws random noise for every sentence (two `RandomNormalLike` nodes: one varies
the timing, one the sound). onnxruntime keeps that generator's state from one sentence to the
next, so a sentence spoken again, or by another build, is a slightly different take. Here both
nodes are replaced by slices of fixed banks of standard normal noise, starting at an offset taken
from the sentence's phonemes: each sentence still gets noise of the same distribution, and the
same sentence always gets the same noise. Nothing else in the model changes (with the noise scales
at zero it gives the original model's output bit for bit, which the tests check).

Preparing the model takes about 0.3 s, so it is kept as a file in the speech cache folder.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import SpeechError
from pipeline.output import write_atomic

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

SEED = 20_251_127
BANK_FRAMES = 4096  # noise for 47 s of speech before the bank repeats, within one sentence
OFFSET_PRIME = 7919  # spreads the phoneme-id sum over the bank
# The model's random nodes and the channels of the noise each one draws: the stochastic duration
# predictor's two, and the 192 of the acoustic latent.
NOISE_CHANNELS = {"/dp/RandomNormalLike": 2, "/RandomNormalLike": 192}


@cache
def noise_banks() -> dict[str, np.ndarray]:
    import numpy as np

    generator = np.random.default_rng(SEED)
    return {name: generator.standard_normal((1, channels, BANK_FRAMES)).astype(np.float32)
            for name, channels in NOISE_CHANNELS.items()}


@cache
def digest() -> str:
    """Names the noise, so that the speech cache never mixes sentences spoken with other noise."""
    material = hashlib.sha256(f"{SEED} {BANK_FRAMES} {OFFSET_PRIME}".encode())
    for name, bank in noise_banks().items():
        material.update(name.encode())
        material.update(bank.tobytes())
    return material.hexdigest()[:12]


def repeatable_model(model_path: Path) -> bytes:
    """The voice model with its random noise replaced by the fixed banks."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(model_path))
    graph = model.graph
    random_nodes = {node.name for node in graph.node if node.op_type.startswith("Random")}
    if random_nodes != set(NOISE_CHANNELS):
        raise SpeechError(f"{model_path.name}: the voice model's random nodes are {sorted(random_nodes)}, "
                          f"expected {sorted(NOISE_CHANNELS)}; this voice cannot be made repeatable")

    def constant(name: str, value: np.ndarray) -> str:
        graph.initializer.append(numpy_helper.from_array(value, name))
        return name

    axis = constant("noise/axis", np.array([2], np.int64))
    bank_frames = constant("noise/bank_frames", np.array(BANK_FRAMES, np.int64))
    ones = constant("noise/ones", np.array([1, 1], np.int64))
    nodes = [  # offset = (sum of the phoneme ids × a prime) mod the bank's length, as a 1-D tensor
        helper.make_node("ReduceSum", ["input"], ["noise/id_sum"], keepdims=0),
        helper.make_node("Mul", ["noise/id_sum", constant("noise/prime", np.array(OFFSET_PRIME, np.int64))],
                         ["noise/spread"]),
        helper.make_node("Mod", ["noise/spread", bank_frames], ["noise/offset_scalar"]),
        helper.make_node("Unsqueeze", ["noise/offset_scalar", constant("noise/axis0", np.array([0], np.int64))],
                         ["noise/offset"]),
    ]
    for node in graph.node:
        if node.name not in NOISE_CHANNELS:
            nodes.append(node)
            continue
        like, out, p = node.input[0], node.output[0], f"noise{node.name}"
        bank = constant(f"{p}/bank", noise_banks()[node.name])
        nodes += [  # bank repeated often enough, then [offset, offset + frames) along the last axis
            helper.make_node("Shape", [like], [f"{p}/shape"]),
            helper.make_node("Gather", [f"{p}/shape", axis], [f"{p}/frames"], axis=0),
            helper.make_node("Add", ["noise/offset", f"{p}/frames"], [f"{p}/end"]),
            helper.make_node("Add", [f"{p}/end", constant(f"{p}/round_up", np.array(BANK_FRAMES - 1, np.int64))],
                             [f"{p}/end_up"]),
            helper.make_node("Div", [f"{p}/end_up", bank_frames], [f"{p}/copies"]),
            helper.make_node("Concat", [ones, f"{p}/copies"], [f"{p}/repeats"], axis=0),
            helper.make_node("Tile", [bank, f"{p}/repeats"], [f"{p}/tiled"]),
            helper.make_node("Slice", [f"{p}/tiled", "noise/offset", f"{p}/end", axis], [out]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    return model.SerializeToString()


@cache
def _model_digest(model_path: Path, size: int, modified_ns: int) -> str:
    with model_path.open("rb") as model:
        return hashlib.file_digest(model, "sha256").hexdigest()


def model_digest(model_path: Path) -> str:
    """The voice model's own bytes, hashed once per process and version of the file (60 MB: ~0.1 s)."""
    stat = model_path.stat()
    return _model_digest(model_path, stat.st_size, stat.st_mtime_ns)


def prepared_name(model_path: Path) -> str:
    """The prepared model's file name: the model's digest and the noise banks' name it, so a new
    voice (or a new release of the same voice) never picks up a model prepared from another."""
    named = hashlib.sha256(f"{model_digest(model_path)} {digest()}".encode()).hexdigest()[:16]
    return f"{model_path.stem}-repeatable-{named}.onnx"


def prepared_model(model_path: Path, folder: Path | None) -> str | bytes:
    """The repeatable model: a file kept in `folder`/voices/, or the bytes when there is no folder."""
    if folder is None:
        return repeatable_model(model_path)
    path = folder / "voices" / prepared_name(model_path)
    if not path.is_file():
        data = repeatable_model(model_path)
        try:
            write_atomic(path, data)
        except OSError as exc:
            log.debug("%s: cannot keep the prepared voice model (%s); preparing it each time", path, exc)
            return data
    return str(path)


def outdated_models(folder: Path, models: Iterable[Path]) -> list[Path]:
    """Files in `folder`/voices/ other than the prepared versions of `models` (the voices in use)."""
    current = {prepared_name(model) for model in models}
    voices = folder / "voices"
    return sorted(path for path in voices.iterdir() if path.name not in current) if voices.is_dir() else []
