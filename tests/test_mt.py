"""checker score --mt-model end to end on a tiny Marian zh→en model built here.

The test trains SentencePiece on a few dozen sentences, builds a Marian model a few
hundred kilobytes large, teaches it three sentence pairs by heart, saves it with
save_pretrained, and runs the CLI on it as a user would: the model must reproduce its
lesson (chrF 100 against its own output), and forced decoding must find the taught
translation more likely than a corrupted one. Nothing is downloaded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
spm = pytest.importorskip("sentencepiece")

LESSON = [
    ("英伟达面临库存损失。", "NVIDIA faced an inventory loss."),
    ("公司股价下跌。", "The company's shares fell."),
    ("分析人士表示担忧。", "Analysts expressed concern."),
]
EXTRA_ZH = ["今年经济增长五个百分点。", "外交部发言人回答了记者提问。", "天气晴朗，气温适宜。",
            "他们在北京举行会议。", "市场需求持续增长。", "政府发布了新的政策。"]
EXTRA_EN = ["The economy grew five percent this year.", "The spokesman answered questions.",
            "The weather is clear and mild.", "They held a meeting in Beijing.",
            "Market demand keeps growing.", "The government issued a new policy."]


def _train_spm(lines: list[str], prefix: Path, vocab_size: int) -> None:
    text = prefix.with_suffix(".txt")
    text.write_text("\n".join(lines * 4) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(text), model_prefix=str(prefix), vocab_size=vocab_size,
        character_coverage=1.0, hard_vocab_limit=False, model_type="unigram",
        pad_id=-1, bos_id=-1, eos_id=-1, unk_id=0, minloglevel=2)


@pytest.fixture(scope="module")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("marian")
    zh = [z for z, _ in LESSON] + EXTRA_ZH
    en = [e for _, e in LESSON] + EXTRA_EN
    _train_spm(zh, root / "zh", 120)
    _train_spm(en, root / "en", 120)
    source, target = spm.SentencePieceProcessor(), spm.SentencePieceProcessor()
    source.load(str(root / "zh.model"))
    target.load(str(root / "en.model"))
    vocab = {"</s>": 0, "<unk>": 1, "<pad>": 2}
    for processor in (source, target):
        for i in range(processor.get_piece_size()):
            vocab.setdefault(processor.id_to_piece(i), len(vocab))
    model_dir = root / "model"
    model_dir.mkdir()
    (model_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), "utf-8")
    (model_dir / "source.spm").write_bytes((root / "zh.model").read_bytes())
    (model_dir / "target.spm").write_bytes((root / "en.model").read_bytes())
    tokenizer = transformers.MarianTokenizer(
        str(model_dir / "source.spm"), str(model_dir / "target.spm"),
        str(model_dir / "vocab.json"), source_lang="zh", target_lang="en")
    config = transformers.MarianConfig(
        vocab_size=len(vocab), d_model=32, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64,
        decoder_ffn_dim=64, max_position_embeddings=128, pad_token_id=2, eos_token_id=0,
        decoder_start_token_id=2, forced_eos_token_id=0, num_beams=1, max_length=40)
    torch.manual_seed(0)
    model = transformers.MarianMTModel(config)
    _teach(model, tokenizer)
    model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)
    return model_dir


def _teach(model, tokenizer) -> None:
    batch = tokenizer([z for z, _ in LESSON], text_target=[e for _, e in LESSON],
                      return_tensors="pt", padding=True)
    batch["labels"][batch["labels"] == tokenizer.pad_token_id] = -100
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    for _ in range(300):
        optimiser.zero_grad()
        loss = model(**batch).loss
        loss.backward()
        optimiser.step()
        if loss.item() < 0.01:
            break
    model.eval()


def _pair(tmp_path: Path, english: list[str]) -> tuple[Path, Path]:
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("\n".join(z for z, _ in LESSON) + "\n", encoding="utf-8")
    en.write_text("\n".join(english) + "\n", encoding="utf-8")
    return zh, en


def _score(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["score", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_the_model_translates_and_scores_the_taught_translation(tiny_marian: Path,
                                                                tmp_path: Path) -> None:
    zh, en = _pair(tmp_path, [e for _, e in LESSON])
    code, out, err = _score(zh, en, "--mt-model", tiny_marian, "--batch-size", 2,
                            "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    units = result["units"]
    assert [u["mt_translation"] for u in units] == [e for _, e in LESSON]
    assert all(u["mt_chrf"] == 100.0 for u in units)
    assert result["mt"]["chrf"]["score"] == 100.0
    assert result["mt"]["chrf"]["signature"].startswith("nrefs:1|")
    assert all(-1.0 < u["log_probability"] <= 0.0 for u in units)
    assert result["mt"]["model"] == str(tiny_marian)


def test_forced_decoding_prefers_the_taught_translation(tiny_marian: Path,
                                                        tmp_path: Path) -> None:
    zh, en = _pair(tmp_path, [e for _, e in LESSON])
    _, good, _ = _score(zh, en, "--mt-model", tiny_marian, "-f", "json")
    wrong = ["Analysts faced concern.", "The company's shares fell fell.",
             "NVIDIA expressed an inventory."]
    zh, en = _pair(tmp_path, wrong)
    code, bad, err = _score(zh, en, "--mt-model", tiny_marian, "-f", "json")
    assert code == 0, err
    for taught, corrupted in zip(json.loads(good)["units"], json.loads(bad)["units"],
                                 strict=True):
        assert taught["log_probability"] > corrupted["log_probability"]
        assert corrupted["mt_chrf"] < 100.0


def test_the_text_table_names_the_model(tiny_marian: Path, tmp_path: Path) -> None:
    zh, en = _pair(tmp_path, [e for _, e in LESSON])
    code, out, err = _score(zh, en, "--mt-model", tiny_marian)
    assert code == 0, err
    assert "chrF vs MT" in out and f"MT model {tiny_marian}" in out
    assert "mean log p/token" in out


def test_a_missing_model_is_an_input_error_without_download(tmp_path: Path) -> None:
    zh, en = _pair(tmp_path, [e for _, e in LESSON])
    for missing in (tmp_path / "no-such-model", "no-such-org/no-such-model-xyz"):
        code, out, err = _score(zh, en, "--mt-model", missing)
        assert code == 2
        assert err.startswith("checker: error: cannot load the translation model")
        assert "nothing is downloaded" in err and "Traceback" not in err
        assert out == ""
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    code, _, err = _score(zh, en, "--mt-model", empty)
    assert code == 2 and "the directory has no usable model" in err


def test_cuda_without_a_gpu_is_an_input_error(tiny_marian: Path, tmp_path: Path) -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    zh, en = _pair(tmp_path, [e for _, e in LESSON])
    code, _, err = _score(zh, en, "--mt-model", tiny_marian, "--device", "cuda")
    assert code == 2 and "no CUDA device" in err
