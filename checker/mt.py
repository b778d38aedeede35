"""A transformers seq2seq translation model (e.g. Marian zh→en) as a second opinion.

It translates the source, and measures how likely the model finds the given translation
(forced decoding: the mean log-probability per target token, end-of-sentence included).
Loads from a local directory or the Hugging Face cache only (``local_files_only``):
nothing is ever downloaded, and a model that is not there is an :class:`InputError`.
torch and transformers are imported here, lazily, so the rest of the checker starts fast.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.model import InputError

DEFAULT_BATCH_SIZE = 16
#: Longest input (and generated output) in tokens; longer segments are truncated.
MAX_TOKENS = 512


class Translator:
    """A seq2seq model and its tokenizer, on ``device`` (cpu or cuda)."""

    def __init__(self, name_or_path: str, device: str = "cpu",
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: never reach the hub
        try:
            import torch
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError as error:
            raise InputError(f"--mt-model needs torch and transformers ({error}): "
                             "pip install 'checker[hf]'") from None

        if device not in ("cpu", "cuda"):
            raise InputError(f"--device must be cpu or cuda, not {device!r}")
        if device == "cuda" and not torch.cuda.is_available():
            raise InputError("--device cuda: no CUDA device is available (use --device cpu)")
        if batch_size < 1:
            raise InputError("--batch-size must be at least 1")
        self.name = name_or_path
        self.device = device
        self.batch_size = batch_size
        self._torch = torch
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(name_or_path, local_files_only=True)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(name_or_path,
                                                               local_files_only=True)
        except (OSError, ValueError) as error:
            where = ("the directory has no usable model" if Path(name_or_path).is_dir()
                     else "not a local directory and not in the Hugging Face cache")
            raise InputError(f"cannot load the translation model {name_or_path!r}: {where} "
                             f"(nothing is downloaded; {_first_line(error)})") from None
        self.model.to(device)
        self.model.eval()

    def translate(self, sources: list[str]) -> list[str]:
        """Machine translations of ``sources``, in batches, with the model's own generation
        settings (beam size and so on)."""
        result: list[str] = []
        for batch in _batches(sources, self.batch_size):
            inputs = self._encode(batch)
            with self._torch.inference_mode():
                output = self.model.generate(**inputs, max_new_tokens=MAX_TOKENS)
            result += self.tokenizer.batch_decode(output, skip_special_tokens=True)
        return [text.strip() for text in result]

    def log_probabilities(self, sources: list[str], targets: list[str]) -> list[float]:
        """Mean log-probability per token of each target given its source (forced decoding);
        0 is the most likely possible, lower is less likely."""
        if len(sources) != len(targets):
            raise ValueError("need one target per source")
        torch = self._torch
        result: list[float] = []
        for batch in _batches(list(zip(sources, targets, strict=True)), self.batch_size):
            inputs = self._encode([s for s, _ in batch], [t for _, t in batch])
            labels = inputs.pop("labels")
            labels[labels == self.tokenizer.pad_token_id] = -100
            with torch.inference_mode():
                logits = self.model(**inputs, labels=labels).logits
            log_probs = torch.log_softmax(logits.float(), dim=-1)
            mask = labels != -100
            picked = log_probs.gather(-1, labels.clamp(min=0).unsqueeze(-1)).squeeze(-1)
            sums = (picked * mask).sum(dim=-1)
            counts = mask.sum(dim=-1).clamp(min=1)
            result += [float(v) for v in (sums / counts).tolist()]
        return [v if math.isfinite(v) else -1e9 for v in result]

    def _encode(self, sources: list[str], targets: list[str] | None = None) -> Any:
        encoded = self.tokenizer(sources, text_target=targets, return_tensors="pt",
                                 padding=True, truncation=True, max_length=MAX_TOKENS)
        return encoded.to(self.device)


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
