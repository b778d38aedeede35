"""The transformers embedder (checker.embed_hf): pooling as the model's files say, unit
vectors independent of batching, clear errors, and never a network call.

The models are tiny random BERTs built here (hidden 32, 2 layers): what is checked is the
arithmetic around the encoder, against a reference computed directly with transformers.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is in the dev extra (pip install -e .[dev])")
transformers = pytest.importorskip("transformers")

from checker.embed_hf import HfEmbedder  # noqa: E402
from checker.model import InputError  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_ZH = (ROOT / "corpora/seed/seed.zh.txt").read_text(encoding="utf-8").splitlines()[:6]
SEED_EN = (ROOT / "corpora/seed/seed.en.txt").read_text(encoding="utf-8").splitlines()[:6]
TEXTS = ["英伟达公司收入增长了四十五亿美元。", "NVIDIA revenue grew by 4.5 billion dollars.",
         "中国", "", "the company said revenue in China grew", "黄仁勋说。"]
VOCAB = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
    *"中国英伟达公司收入增长了四十五亿美元黄仁勋说芯片美国落后几纳秒。，：“”",
    "the", "company", "said", "revenue", "in", "china", "grew", "by", "billion", "dollars",
    "nvidia", "chips", "huang", "renxun", "jensen", "4", "5", ".", ",", ":", "\"", "##s",
]
HIDDEN = 32


@pytest.fixture(scope="module", autouse=True)
def one_thread() -> Iterator[None]:
    """Tiny models gain nothing from threads, and on a busy machine OpenMP's waiting makes
    each of their forward passes a hundred times slower."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here runs with the network cut off: any attempt fails loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args[:2]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(scope="module")
def bert_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BERT with its WordPiece tokenizer, saved as transformers saves models."""
    directory = tmp_path_factory.mktemp("tiny-bert")
    # transformers 5 ignores vocab_file= for BERT tokenizers: pass the vocabulary itself.
    tokenizer = transformers.BertTokenizerFast(vocab={w: i for i, w in enumerate(VOCAB)})
    config = transformers.BertConfig(
        vocab_size=len(VOCAB), hidden_size=HIDDEN, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=64)
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


@pytest.fixture(scope="module")
def reference(bert_dir: Path):
    """Token vectors and attention mask of one text, straight from transformers."""
    tokenizer = transformers.AutoTokenizer.from_pretrained(bert_dir)
    model = transformers.AutoModel.from_pretrained(bert_dir).eval()

    def tokens_of(text: str) -> tuple[torch.Tensor, torch.Tensor]:
        batch = tokenizer([text], return_tensors="pt")
        with torch.no_grad():
            return model(**batch).last_hidden_state[0], batch["attention_mask"][0]

    return tokens_of


def unit(vector: torch.Tensor) -> np.ndarray:
    return (vector / vector.norm()).numpy()


def sentence_transformers_dir(bert_dir: Path, target: Path, pooling: str,
                              transformer_path: str = "", dense: str | None = None) -> Path:
    """``bert_dir`` laid out as sentence-transformers saves a model (LaBSE's layout when
    ``dense`` is given: CLS pooling, a tanh Dense layer, Normalize)."""
    shutil.copytree(bert_dir, target / transformer_path, dirs_exist_ok=True)
    modules = [
        {"idx": 0, "name": "0", "path": transformer_path,
         "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling",
         "type": "sentence_transformers.models.Pooling"},
    ]
    (target / "1_Pooling").mkdir()
    modes = ("cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens")
    pooling_config = {f"pooling_mode_{mode}": mode == pooling for mode in modes}
    (target / "1_Pooling/config.json").write_text(
        json.dumps({"word_embedding_dimension": HIDDEN, **pooling_config}), encoding="utf-8")
    if dense:
        modules.append({"idx": 2, "name": "2", "path": "2_Dense",
                        "type": "sentence_transformers.models.Dense"})
        modules.append({"idx": 3, "name": "3", "path": "3_Normalize",
                        "type": "sentence_transformers.models.Normalize"})
        write_dense(target / "2_Dense", dense)
        (target / "3_Normalize").mkdir()
    (target / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    return target


def write_dense(directory: Path, weights_format: str) -> torch.nn.Linear:
    directory.mkdir()
    torch.manual_seed(1)
    layer = torch.nn.Linear(HIDDEN, 16)
    state = {"linear.weight": layer.weight.detach(), "linear.bias": layer.bias.detach()}
    if weights_format == "safetensors":
        from safetensors.torch import save_file

        save_file(state, str(directory / "model.safetensors"))
    else:
        torch.save(state, directory / "pytorch_model.bin")
    config = {"in_features": HIDDEN, "out_features": 16, "bias": True,
              "activation_function": "torch.nn.modules.activation.Tanh"}
    (directory / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return layer


# ---------------------------------------------------------------- vectors


def test_importing_the_module_loads_neither_torch_nor_transformers() -> None:
    code = ("import sys, checker.embed_hf; "
            "print(sorted({'torch', 'transformers'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_unit_float32_vectors_one_row_per_text(bert_dir: Path) -> None:
    embedder = HfEmbedder(str(bert_dir))
    vectors = embedder.encode(TEXTS + SEED_ZH + SEED_EN)
    assert vectors.shape == (len(TEXTS) + 12, HIDDEN)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.name == f"hf:{bert_dir}"
    assert embedder.dim == HIDDEN
    assert embedder.encode([]).shape == (0, HIDDEN)


def test_plain_model_gets_mean_pooling_over_the_attention_mask(bert_dir: Path, reference) -> None:
    vectors = HfEmbedder(str(bert_dir)).encode(TEXTS)
    for text, vector in zip(TEXTS, vectors, strict=True):
        tokens, mask = reference(text)
        mean = (tokens * mask[:, None]).sum(0) / mask.sum()
        np.testing.assert_allclose(vector, unit(mean), atol=1e-5)


def test_batching_and_order_do_not_change_the_vectors(bert_dir: Path) -> None:
    texts = TEXTS + SEED_ZH + SEED_EN
    one_by_one = HfEmbedder(str(bert_dir), batch_size=1).encode(texts)
    batched = HfEmbedder(str(bert_dir), batch_size=32)
    np.testing.assert_allclose(batched.encode(texts), one_by_one, atol=1e-5)
    np.testing.assert_allclose(batched.encode(texts[::-1]), one_by_one[::-1], atol=1e-5)
    assert np.array_equal(batched.encode(texts), batched.encode(texts))  # deterministic
    # different texts, different vectors (the test above cannot pass on a constant)
    assert np.abs(one_by_one[0] - one_by_one[1]).max() > 1e-3


def test_text_longer_than_the_model_is_truncated(bert_dir: Path) -> None:
    embedder = HfEmbedder(str(bert_dir), max_length=512)
    assert embedder.max_length == 64  # the tokenizer sets no limit; the position table does
    long_text = "中国公司收入增长了" * 100
    np.testing.assert_allclose(embedder.encode([long_text, "中国"]),
                               HfEmbedder(str(bert_dir), max_length=64).encode([long_text,
                                                                                "中国"]))


def test_half_precision_checkpoint_runs_in_float32(bert_dir: Path, tmp_path: Path) -> None:
    transformers.BertModel.from_pretrained(bert_dir).half().save_pretrained(tmp_path)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(bert_dir / name, tmp_path / name)
    vectors = HfEmbedder(str(tmp_path)).encode(TEXTS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(vectors, HfEmbedder(str(bert_dir)).encode(TEXTS), atol=2e-3)


# ---------------------------------------------------------------- sentence-transformers layout


@pytest.mark.parametrize("transformer_path", ["", "0_Transformer"])
def test_pooling_config_chooses_cls_or_mean(bert_dir: Path, tmp_path: Path, reference,
                                            transformer_path: str) -> None:
    cls_dir = sentence_transformers_dir(bert_dir, tmp_path / "cls", "cls_token",
                                        transformer_path)
    mean_dir = sentence_transformers_dir(bert_dir, tmp_path / "mean", "mean_tokens",
                                         transformer_path)
    cls_vectors = HfEmbedder(str(cls_dir)).encode(TEXTS)
    mean_vectors = HfEmbedder(str(mean_dir)).encode(TEXTS)
    for text, cls_vector, mean_vector in zip(TEXTS, cls_vectors, mean_vectors, strict=True):
        tokens, mask = reference(text)
        np.testing.assert_allclose(cls_vector, unit(tokens[0]), atol=1e-5)
        np.testing.assert_allclose(mean_vector, unit(tokens.mean(0)), atol=1e-5)
    assert np.abs(cls_vectors - mean_vectors).max() > 1e-2


@pytest.mark.parametrize("weights_format", ["safetensors", "bin"])
def test_labse_layout_applies_the_dense_layer(bert_dir: Path, tmp_path: Path, reference,
                                              weights_format: str) -> None:
    model_dir = sentence_transformers_dir(bert_dir, tmp_path / "labse-like", "cls_token",
                                          dense=weights_format)
    layer = write_dense(tmp_path / "same-layer", weights_format)
    embedder = HfEmbedder(str(model_dir))
    assert embedder.dim == 16
    vectors = embedder.encode(TEXTS)
    for text, vector in zip(TEXTS, vectors, strict=True):
        tokens, _ = reference(text)
        with torch.no_grad():
            expected = torch.tanh(layer(tokens[0]))
        np.testing.assert_allclose(vector, unit(expected), atol=1e-5)


def test_model_from_the_hugging_face_cache(bert_dir: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A name resolves to its snapshot in the cache (the layout `hf download` leaves)."""
    from huggingface_hub import constants

    repo = tmp_path / "hub/models--acme--tiny-bert"
    shutil.copytree(bert_dir, repo / "snapshots/0123abcd")
    (repo / "refs").mkdir()
    (repo / "refs/main").write_text("0123abcd", encoding="utf-8")
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    cached = HfEmbedder("acme/tiny-bert")
    assert cached.name == "hf:acme/tiny-bert"
    np.testing.assert_allclose(cached.encode(TEXTS), HfEmbedder(str(bert_dir)).encode(TEXTS),
                               atol=1e-6)


def test_xlm_r_with_only_a_sentencepiece_model(tmp_path: Path) -> None:
    """XLM-R style: no tokenizer.json, only sentencepiece.bpe.model (needs protobuf)."""
    import io

    import sentencepiece

    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(TEXTS[:3] + SEED_EN[:2]), model_writer=model, vocab_size=100,
        character_coverage=1.0, hard_vocab_limit=False, minloglevel=2)
    (tmp_path / "sentencepiece.bpe.model").write_bytes(model.getvalue())
    pieces = sentencepiece.SentencePieceProcessor(model_proto=model.getvalue()).vocab_size()
    config = transformers.XLMRobertaConfig(
        vocab_size=pieces + 2, hidden_size=HIDDEN, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=80)
    torch.manual_seed(0)
    transformers.XLMRobertaModel(config).save_pretrained(tmp_path)
    vectors = HfEmbedder(str(tmp_path)).encode(SEED_ZH[:2] + SEED_EN[:2])
    assert vectors.shape == (4, HIDDEN)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.abs(vectors[0] - vectors[2]).max() > 1e-3


# ---------------------------------------------------------------- errors


def test_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(InputError, match="not found locally") as error:
        HfEmbedder(str(missing))
    message = str(error.value)
    assert message.startswith(f"embedder hf:{missing}: ")
    assert "\n" not in message


def test_name_not_in_the_cache_is_not_downloaded(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    with pytest.raises(InputError) as error:
        HfEmbedder("sentence-transformers/LaBSE")
    assert str(error.value) == (
        "embedder hf:sentence-transformers/LaBSE: not found locally (checked "
        f"{Path('sentence-transformers/LaBSE').absolute()} and the Hugging Face cache "
        f"{tmp_path / 'empty-cache'}); checker never downloads models — download it first "
        "with `hf download sentence-transformers/LaBSE`, or give the model's directory")


def test_unknown_name_fails_fast_without_a_network_even_in_a_fresh_process(
        tmp_path: Path) -> None:
    """The endpoint points at an unroutable address: a lookup would hang until the timeout."""
    env = {**os.environ, "HF_HUB_CACHE": str(tmp_path), "HF_HOME": str(tmp_path),
           "HF_ENDPOINT": "http://10.255.255.1"}
    code = ("from checker.embed_hf import HfEmbedder\n"
            "from checker.model import InputError\n"
            "try:\n    HfEmbedder('acme/never-downloaded')\n"
            "except InputError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=30, env=env, check=True)
    assert "not found locally" in result.stdout
    assert "hf download acme/never-downloaded" in result.stdout


def test_directory_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(InputError, match=r"is not a transformers model directory \(no config"):
        HfEmbedder(str(tmp_path))
    with pytest.raises(InputError, match="is a file, not a model directory"):
        HfEmbedder(str(tmp_path / "notes.txt"))


def test_broken_weights(bert_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(bert_dir, tmp_path, dirs_exist_ok=True)
    (tmp_path / "model.safetensors").write_bytes(b"truncated")
    with pytest.raises(InputError, match="cannot load the model in"):
        HfEmbedder(str(tmp_path))


def test_unsupported_sentence_transformers_module(bert_dir: Path, tmp_path: Path) -> None:
    model_dir = sentence_transformers_dir(bert_dir, tmp_path, "mean_tokens")
    modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    modules.append({"idx": 2, "name": "2", "path": "2_LSTM",
                    "type": "sentence_transformers.models.LSTM"})
    (model_dir / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    with pytest.raises(InputError, match=r"module 2_LSTM \(LSTM\) is not supported"):
        HfEmbedder(str(model_dir))


def test_dense_layer_that_does_not_fit_the_encoder(bert_dir: Path, tmp_path: Path) -> None:
    model_dir = sentence_transformers_dir(bert_dir, tmp_path, "cls_token", dense="safetensors")
    # mean + CLS: 64 numbers reach a layer that takes 32
    config = json.loads((model_dir / "1_Pooling/config.json").read_text(encoding="utf-8"))
    config["pooling_mode_mean_tokens"] = True
    (model_dir / "1_Pooling/config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(InputError, match=r"the model in .* does not run: "):
        HfEmbedder(str(model_dir))


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_cuda_requested_without_cuda(bert_dir: Path) -> None:
    with pytest.raises(InputError, match="device cuda requested but CUDA is not available"):
        HfEmbedder(str(bert_dir), device="cuda")


def test_bad_device_and_sizes(bert_dir: Path) -> None:
    with pytest.raises(InputError, match="unknown device 'tpu'"):
        HfEmbedder(str(bert_dir), device="tpu")
    with pytest.raises(InputError, match="must be at least 1"):
        HfEmbedder(str(bert_dir), batch_size=0)
