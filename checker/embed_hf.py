"""Sentence embeddings from a local transformers encoder (``--embedder hf:PATH_OR_NAME``).

Any encoder that ``AutoModel`` / ``AutoTokenizer`` load (LaBSE, XLM-R, multilingual MiniLM …)
works, from a directory or from the user's Hugging Face cache. Nothing is ever downloaded:
the name is first resolved to a directory on disk (the cache is only read), and every load
passes ``local_files_only=True``.

Pooling follows the sentence-transformers files when the model has them (``modules.json``:
Transformer → Pooling → Dense → Normalize, the layout LaBSE ships); without them, mean
pooling over the attention mask. The vectors returned are always L2-normalised.
sentence-transformers "prompts" (prefixes such as ``query:``) are not applied.

torch and transformers are imported inside the class, so importing this module is cheap.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from checker.model import InputError

#: sentence-transformers pooling modes, in the order it concatenates them.
POOLING_MODES = ("cls_token", "max_tokens", "mean_tokens", "mean_sqrt_len_tokens",
                 "weightedmean_tokens", "lasttoken")
#: A Hugging Face model id ("name" or "owner/name"), as the Hub validates it.
_REPO_ID = re.compile(r"^(?:[\w.-]+/)?[\w.-]+$")
#: tokenizer.model_max_length at or above this means the tokenizer sets no limit (transformers
#: then stores a huge number).
_UNSET_LENGTH = 1_000_000


@dataclass(frozen=True)
class _Layout:
    """What a model directory asks for, read from its JSON files before any weights load."""

    model_dir: Path  # config.json, weights and tokenizer of the transformers model
    pooling: tuple[str, ...] = ("mean_tokens",)
    after_pooling: tuple[tuple[str, Path], ...] = ()  # ("dense", dir) / ("normalize", dir)
    max_length: int | None = None  # sentence_bert_config.json max_seq_length
    lowercase: bool = False


class HfEmbedder:
    """Embeds sentences with a transformers encoder found on this machine.

    ``name_or_path`` is a model directory or a model id in the Hugging Face cache
    (``sentence-transformers/LaBSE``). Loading happens here, so a model that cannot be used
    raises :class:`~checker.model.InputError` at construction, with a one-line message.
    """

    def __init__(self, name_or_path: str, device: str = "cpu", batch_size: int = 32,
                 max_length: int = 256) -> None:
        self.name = f"hf:{name_or_path}"
        if batch_size < 1 or max_length < 1:
            raise InputError(f"embedder {self.name}: batch size and maximum length must be "
                             f"at least 1 (got {batch_size} and {max_length})")
        self.batch_size = batch_size
        root = _resolve(name_or_path, self.name)  # before importing torch: fast failures
        layout = _read_layout(root, self.name)

        import torch

        self._torch = torch
        self.device = _device(torch, device, self.name)
        self._lowercase = layout.lowercase
        self._pooling = layout.pooling
        self._tokenizer, self._model = _load_model(layout.model_dir, self.name, self.device)
        self._after = [_load_step(kind, path, self.name, self.device)
                       for kind, path in layout.after_pooling]
        self.max_length = _length_limit(max_length, layout, self._tokenizer, self._model)
        # One forward pass proves the parts fit together and tells the vector size.
        try:
            self.dim = int(self._encode_batch(["checker"]).shape[1])
        except (RuntimeError, ValueError, TypeError) as error:
            raise InputError(f"embedder {self.name}: the model in {root} does not run: "
                             f"{_first_line(error)}") from None

    def __repr__(self) -> str:
        return f"HfEmbedder({self.name!r}, device={str(self.device)!r}, dim={self.dim})"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """float32 unit vectors, one row per text, in the order given."""
        texts = list(texts)
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Similar lengths share a batch, so little padding is computed; longest first, so
        # running out of memory shows on the first batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        for start in range(0, len(order), self.batch_size):
            rows = order[start:start + self.batch_size]
            vectors[rows] = self._encode_batch([texts[i] for i in rows])
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        torch = self._torch
        if self._lowercase:
            texts = [text.lower() for text in texts]
        batch = self._tokenizer(texts, padding=True, truncation=True,
                                max_length=self.max_length, return_tensors="pt")
        batch = {key: value.to(self.device) for key, value in batch.items()}
        with torch.inference_mode():
            tokens = self._model(**batch)[0].float()
            mask = batch.get("attention_mask", torch.ones_like(batch["input_ids"]))
            pooled = torch.cat([_pool(torch, mode, tokens, mask) for mode in self._pooling], 1)
            for step in self._after:
                pooled = step(pooled)
            pooled = torch.nn.functional.normalize(pooled, dim=1)
        return pooled.cpu().numpy().astype(np.float32, copy=False)


# ---------------------------------------------------------------- finding the model


def _resolve(name: str, label: str) -> Path:
    """The model's directory: ``name`` itself, or its snapshot in the Hugging Face cache."""
    if not name.strip():
        raise InputError(f"embedder {label}: give a model directory or a Hugging Face model "
                         "name after hf:")
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    if path.exists():
        raise InputError(f"embedder {label}: {path} is a file, not a model directory")
    if not _REPO_ID.match(name):
        raise InputError(f"embedder {label}: not found locally (there is no directory "
                         f"{path}, and {name!r} is not a Hugging Face model name)")
    from huggingface_hub import constants, snapshot_download

    try:  # local_files_only: reads the cache, never the network
        return Path(snapshot_download(name, local_files_only=True))
    except (OSError, ValueError):  # LocalEntryNotFoundError, HFValidationError
        raise InputError(
            f"embedder {label}: not found locally (checked {path.absolute()} and the Hugging "
            f"Face cache {constants.HF_HUB_CACHE}); checker never downloads models — download "
            f"it first with `hf download {name}`, or give the model's directory"
        ) from None


def _read_layout(root: Path, label: str) -> _Layout:
    """Read ``modules.json`` and its modules' configs; plain transformers directories get
    mean pooling."""
    modules = _read_json(root / "modules.json", label)
    if modules is None:
        _require_model(root, label)
        return _Layout(model_dir=root)
    if not isinstance(modules, list) or not all(isinstance(m, dict) for m in modules):
        raise InputError(f"embedder {label}: {root / 'modules.json'} is not a module list")
    model_dir: Path | None = None
    config: dict[str, Any] = {}
    pooling: tuple[str, ...] | None = None
    after: list[tuple[str, Path]] = []
    for module in sorted(modules, key=lambda module: module.get("idx", 0)):
        kind = str(module.get("type", "")).rsplit(".", 1)[-1]
        path = root / module.get("path", "")
        if kind == "Transformer" and model_dir is None:
            model_dir = path
            config = _read_json(path / "sentence_bert_config.json", label) or {}
        elif kind == "Pooling" and model_dir is not None and pooling is None:
            pooling = _pooling_modes(path, label)
        elif kind in ("Dense", "Normalize") and pooling is not None:
            after.append((kind.lower(), path))
        else:
            raise InputError(f"embedder {label}: sentence-transformers module "
                             f"{module.get('path') or module.get('type')} ({kind}) is not "
                             "supported here")
    if model_dir is None:
        raise InputError(f"embedder {label}: {root / 'modules.json'} has no Transformer module")
    _require_model(model_dir, label)
    return _Layout(model_dir=model_dir, pooling=pooling or ("mean_tokens",),
                   after_pooling=tuple(after), max_length=config.get("max_seq_length"),
                   lowercase=bool(config.get("do_lower_case", False)))


def _pooling_modes(path: Path, label: str) -> tuple[str, ...]:
    config = _read_json(path / "config.json", label)
    if not isinstance(config, dict):
        raise InputError(f"embedder {label}: {path / 'config.json'} is missing")
    modes = tuple(mode for mode in POOLING_MODES if config.get(f"pooling_mode_{mode}"))
    if not modes:
        raise InputError(f"embedder {label}: {path / 'config.json'} turns on no pooling mode")
    return modes


def _require_model(directory: Path, label: str) -> None:
    if not (directory / "config.json").is_file():
        raise InputError(f"embedder {label}: {directory} is not a transformers model "
                         "directory (no config.json)")


def _read_json(path: Path, label: str) -> Any:
    """The file's JSON, or None when it does not exist."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"embedder {label}: cannot read {path}: {error}") from None


# ---------------------------------------------------------------- loading


def _device(torch: Any, requested: str, label: str) -> Any:
    try:
        device = torch.device(requested)
    except (RuntimeError, TypeError):
        device = None
    if device is None or device.type not in ("cpu", "cuda"):
        raise InputError(f"embedder {label}: unknown device {requested!r} (use cpu or cuda)")
    if device.type == "cuda" and not torch.cuda.is_available():
        raise InputError(f"embedder {label}: device {requested} requested but CUDA is not "
                         f"available (torch {torch.__version__}); use --device cpu")
    return device


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """No progress bars or load chatter on stderr (the report owns it); errors still raise."""
    from transformers.utils import logging

    verbosity, bars = logging.get_verbosity(), logging.is_progress_bar_enabled()
    logging.set_verbosity_error()
    logging.disable_progress_bar()
    try:
        yield
    finally:
        logging.set_verbosity(verbosity)
        if bars:
            logging.enable_progress_bar()


def _load_model(directory: Path, label: str, device: Any) -> tuple[Any, Any]:
    from transformers import AutoModel, AutoTokenizer

    try:
        with _quiet_transformers():
            tokenizer = AutoTokenizer.from_pretrained(directory, local_files_only=True)
            model = AutoModel.from_pretrained(directory, local_files_only=True)
    except Exception as error:  # whatever breaks, the model is bad input
        raise InputError(f"embedder {label}: cannot load the model in {directory}: "
                         f"{_first_line(error)}") from None
    if getattr(model.config, "is_encoder_decoder", False):
        model = model.get_encoder()  # T5-style: the encoder alone gives token vectors
    tokenizer.padding_side = "right"  # CLS and last-token pooling index from the left
    # float32 whatever the checkpoint stores: half precision is slow or missing on CPUs
    return tokenizer, model.float().to(device).eval()


def _length_limit(requested: int, layout: _Layout, tokenizer: Any, model: Any) -> int:
    """Tokens per sentence: the caller's limit, never beyond what the model can take."""
    limits = [requested]
    if layout.max_length:
        limits.append(int(layout.max_length))
    if 0 < getattr(tokenizer, "model_max_length", 0) < _UNSET_LENGTH:
        limits.append(int(tokenizer.model_max_length))
    positions = getattr(model.config, "max_position_embeddings", None)
    if positions:  # the hard limit, whatever the tokenizer says
        # RoBERTa-style embeddings number positions from padding_idx + 1 (XLM-R: 514 → 512)
        offset = getattr(getattr(model, "embeddings", None), "padding_idx", None)
        limits.append(int(positions) - (offset + 1 if isinstance(offset, int) else 0))
    return max(1, min(limits))


def _load_step(kind: str, path: Path, label: str, device: Any) -> Any:
    """A module applied after pooling: a Dense layer (with its activation), or Normalize."""
    import torch

    if kind == "normalize":
        return lambda vectors: torch.nn.functional.normalize(vectors, dim=1)
    config = _read_json(path / "config.json", label)
    if not isinstance(config, dict) or "in_features" not in config:
        raise InputError(f"embedder {label}: {path / 'config.json'} is not a Dense config")
    weights = _load_weights(path, label)
    layer = torch.nn.Linear(int(config["in_features"]), int(config["out_features"]),
                            bias=bool(config.get("bias", True)))
    try:
        layer.load_state_dict({key.removeprefix("linear."): value
                               for key, value in weights.items()})
    except RuntimeError as error:
        raise InputError(f"embedder {label}: the weights in {path} do not fit its config: "
                         f"{_first_line(error)}") from None
    activation = _activation(torch, config.get("activation_function"), label)
    layer = layer.float().to(device).eval()
    return lambda vectors: activation(layer(vectors))


def _load_weights(path: Path, label: str) -> dict[str, Any]:
    import torch

    try:
        if (path / "model.safetensors").is_file():
            from safetensors.torch import load_file

            return load_file(str(path / "model.safetensors"))
        if (path / "pytorch_model.bin").is_file():
            return torch.load(path / "pytorch_model.bin", map_location="cpu", weights_only=True)
    except Exception as error:  # a damaged file, whatever the library says
        raise InputError(f"embedder {label}: cannot read the weights in {path}: "
                         f"{_first_line(error)}") from None
    raise InputError(f"embedder {label}: {path} has no model.safetensors or pytorch_model.bin")


def _activation(torch: Any, name: str | None, label: str) -> Any:
    """sentence-transformers saves the class path, e.g. torch.nn.modules.activation.Tanh."""
    class_name = (name or "torch.nn.modules.activation.Tanh").rsplit(".", 1)[-1]
    activation = getattr(torch.nn, class_name, None)
    if not (isinstance(activation, type) and issubclass(activation, torch.nn.Module)):
        raise InputError(f"embedder {label}: Dense activation {name} is not supported")
    return activation()


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


# ---------------------------------------------------------------- pooling


def _pool(torch: Any, mode: str, tokens: Any, mask: Any) -> Any:
    """One sentence vector per row of ``tokens`` (batch × tokens × hidden), padding
    excluded; the batch is right-padded."""
    weights = mask.unsqueeze(-1).to(tokens.dtype)
    count = weights.sum(1).clamp(min=1e-9)
    if mode == "cls_token":
        return tokens[:, 0]
    if mode == "max_tokens":
        return tokens.masked_fill(weights == 0, -1e9).max(1).values
    if mode == "mean_tokens":
        return (tokens * weights).sum(1) / count
    if mode == "mean_sqrt_len_tokens":
        return (tokens * weights).sum(1) / count.sqrt()
    if mode == "weightedmean_tokens":  # later tokens weigh more
        positions = torch.arange(1, tokens.shape[1] + 1, device=tokens.device)
        weights = weights * positions.to(tokens.dtype)[None, :, None]
        return (tokens * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
    last = mask.sum(1).long() - 1  # lasttoken
    return tokens[torch.arange(tokens.shape[0], device=tokens.device), last]


__all__ = ["POOLING_MODES", "HfEmbedder"]
