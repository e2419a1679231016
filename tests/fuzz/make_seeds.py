#!/usr/bin/env python3
"""Writes the seed inputs of tests/fuzz/corpus/<target>/seed-* from the shared fixtures.

Run once by hand (python3 and ImageMagick's `convert`); the output is committed, so neither is
needed to build or test. Regression inputs (corpus/<target>/regress-*) are written by hand when a
defect is fixed and are never touched here.

    tests/fuzz/make_seeds.py [SHARED_DIR]      (default: ../shared beside the source tree)
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared"))
CORPUS = os.path.join(HERE, "corpus")
FIX = os.path.join(SHARED, "fixtures")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, "seed-" + name), "wb") as out:
        out.write(data)


def read(path, mode="r"):
    with open(path, mode) as f:
        return f.read()


def jsonl(path):
    return [json.loads(line) for line in read(path, "rb").decode("utf-8").split("\n") if line.strip()]


def dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=1)


# --- answer_parser: one byte (image count) + answer text ------------------------------------------
def answer_parser():
    answers = [
        "It's in the third image. <|box_start|>(316,58),(764,999)<|box_end|>",
        "<|object_ref_start|>the red cup<|object_ref_end|><|box_start|>(10,20),(300,400)<|box_end|> and in Image-2 <|box_start|>(5,5),(6,6)<|box_start|>",
        "The box is [0.12, 0.3, 0.5, 0.77].",
        "[120, 300, 500, 770]",
        "<box>12 30 50.5 77</box>",
        "(0.1,0.2),(0.3,0.4) in the 2nd image; also 3th image (999,999),(0,0)",
        "first image second image sixth Image image_4 image 12 images",
        "<|box_start|>(1,2),(3<|box_end|>",
        "",
    ]
    for i, text in enumerate(answers):
        write("answer_parser", "%02d" % i, bytes([i % 8]) + text.encode())
    for i, case in enumerate(jsonl(os.path.join(FIX, "tokenizer", "cases.jsonl"))):
        if "box_start" in case["text"] or "image" in case["text"].lower():
            write("answer_parser", "tok%03d" % i, bytes([3]) + case["text"].encode())


# --- model_config: config / generation / preprocessor JSON ----------------------------------------
def model_config():
    tiny = os.path.join(FIX, "qwen2vl-tiny")
    for name in ("config.json", "generation_config.json", "preprocessor_config.json"):
        write("model_config", "tiny-" + name, read(os.path.join(tiny, name), "rb"))
    for name in ("migician-7b.config.json", "migician-7b-4layer.config.json"):
        write("model_config", name, read(os.path.join(SHARED, "configs", name), "rb"))
    # The nested layout of newer transformers, and the newer preprocessor `size` keys.
    config = json.loads(read(os.path.join(tiny, "config.json")))
    nested = {k: v for k, v in config.items() if k in ("vision_config", "architectures", "model_type")}
    nested["text_config"] = {k: v for k, v in config.items() if k not in nested}
    nested["text_config"]["rope_parameters"] = nested["text_config"].pop("rope_scaling")
    write("model_config", "nested-config.json", dumps(nested))
    pre = json.loads(read(os.path.join(tiny, "preprocessor_config.json")))
    pre["size"] = {"shortest_edge": 3136, "longest_edge": 1003520}
    write("model_config", "size-edges-preprocessor.json", dumps(pre))


# --- safetensors: small files with the fixture's names, dtypes and metadata ------------------------
def safetensors_file(tensors, metadata=None, pad_header=0):
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    data = b""
    for name, dtype, shape, payload in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(payload)]}
        data += payload
    text = json.dumps(header, separators=(",", ":")).encode() + b" " * pad_header
    return struct.pack("<Q", len(text)) + text + data


def safetensors():
    size = {"BF16": 2, "F16": 2, "F32": 4, "I64": 8, "U8": 1}

    def tensor(name, dtype, shape):
        n = 1
        for d in shape:
            n *= d
        return (name, dtype, shape, bytes((i * 37) % 251 for i in range(n * size[dtype])))

    write("safetensors", "weights", safetensors_file(
        [tensor("model.embed_tokens.weight", "BF16", [4, 8]),
         tensor("model.layers.0.self_attn.q_proj.bias", "F32", [8]),
         tensor("visual.patch_embed.proj.weight", "F16", [2, 3, 2, 1, 1]),
         tensor("input_ids", "I64", [1, 5]),
         tensor("pixels", "U8", [3, 2, 2]),
         tensor("empty", "F32", [0, 4]),
         tensor("scalar", "F32", [])],
        metadata={"format": "pt"}, pad_header=5))
    write("safetensors", "no-metadata", safetensors_file([tensor("lm_head.weight", "BF16", [3, 2])]))
    # The real header of the fixture's second shard, with its data cut off (offsets past the end).
    shard = read(os.path.join(FIX, "qwen2vl-tiny", "model-00002-of-00002.safetensors"), "rb")
    (n,) = struct.unpack("<Q", shard[:8])
    write("safetensors", "real-header-cut", shard[: 8 + n] + shard[8 + n: 8 + n + 64])


def safetensors_index():
    write("safetensors_index", "tiny-index.json",
          read(os.path.join(FIX, "qwen2vl-tiny", "model.safetensors.index.json"), "rb"))
    write("safetensors_index", "subfolder.json", dumps(
        {"metadata": {"total_size": 16}, "weight_map": {"a": "shards/one.safetensors", "b": "./two.safetensors"}}))


# --- tokenizer_load: a small tokenizer.json in the fixture's exact layout ---------------------------
def tokenizer_load():
    full = json.loads(read(os.path.join(FIX, "tokenizer", "tokenizer.json")))
    byte_symbols = [t for t, i in sorted(full["model"]["vocab"].items(), key=lambda kv: kv[1]) if len(t) == 1][:256]
    vocab = {t: i for i, t in enumerate(byte_symbols)}
    merges = []
    for merge in full["model"]["merges"]:
        left, right = merge.split(" ") if isinstance(merge, str) else merge
        if left in vocab and right in vocab:
            merges.append(left + " " + right)
            vocab.setdefault(left + right, len(vocab))
        if len(merges) == 600:
            break
    small = dict(full)
    small["model"] = dict(full["model"], vocab=vocab, merges=merges)
    small["added_tokens"] = [dict(t, id=len(vocab) + k) for k, t in enumerate(full["added_tokens"])]
    write("tokenizer_load", "qwen2-small.json", dumps(small))
    pairs = dict(small)
    pairs["model"] = dict(small["model"], merges=[m.split(" ") for m in merges[:200]])
    pairs["pre_tokenizer"] = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": True}
    pairs["normalizer"] = None
    write("tokenizer_load", "gpt2-pairs.json", dumps(pairs))
    string_split = dict(small)
    string_split["pre_tokenizer"] = {"type": "Split", "pattern": {"String": " "}, "behavior": "Isolated", "invert": False}
    string_split["normalizer"] = {"type": "Sequence", "normalizers": [{"type": "NFC"}]}
    write("tokenizer_load", "string-split.json", dumps(string_split))


# --- tokenizer_encode: the golden tokenization texts -------------------------------------------------
def tokenizer_encode():
    for i, case in enumerate(jsonl(os.path.join(FIX, "tokenizer", "cases.jsonl"))):
        if i % 3 == 0 or "box" in case["text"]:
            write("tokenizer_encode", "case%03d" % i, case["text"])


# --- chat_prompt: the golden chat renderings' messages ----------------------------------------------
def chat_prompt():
    for case in jsonl(os.path.join(FIX, "tokenizer", "chat_cases.jsonl")):
        write("chat_prompt", case["name"] + ".json", dumps({"messages": case["messages"]}))
    cases = json.loads(read(os.path.join(FIX, "qwen2vl-tiny", "cases.json")))
    for case in cases["cases"]:
        write("chat_prompt", "tiny-" + case["name"] + ".json", dumps(case["messages"]))


# --- migbench / predictions: the real bench, cut down ------------------------------------------------
def migbench():
    bench = json.loads(read(os.path.join(SHARED, "data", "mig-bench", "MIG_data.json")))
    first = {}
    odd = None
    for case in bench:
        first.setdefault(case["task"], case)
        a = case["answer"]
        if odd is None and not (0 <= a[0] <= a[2] <= 1 and 0 <= a[1] <= a[3] <= 1):
            odd = case
    write("migbench", "one-per-task.json", dumps(list(first.values())))
    write("migbench", "unordered-ground-truth.json", dumps([odd] if odd else []))
    write("migbench", "group-grounding.json", dumps([c for c in bench if c["task"] == "group_grounding"][:3]))
    return bench


def predictions(bench):
    tasks = {}
    for i, case in enumerate(bench):
        tasks.setdefault(case["task"], i)
    index = sorted(tasks.values())
    answers = [
        "It's in the second image. <|box_start|>(316,58),(764,999)<|box_end|>",
        "[0.12, 0.3, 0.5, 0.77]",
        "(0.1,0.2),(0.3,0.4)",
        "[120, 300, 500, 770]",
        "<box>12 30 50.5 77</box>",
        "(1,1),(1000,1000) and (2,2),(3,3)",
        "no box at all",
    ]
    text = [{"index": index[k], "answer": answers[k % len(answers)]} for k in range(len(index))]
    write("predictions", "answers.json", dumps(text))
    boxes = [{"index": i, "box": [0.1, 0.2, 0.6, 0.9], "image": 1 + k % 3} for k, i in enumerate(index)]
    write("predictions", "boxes.json", dumps(boxes))
    write("predictions", "mixed.json", dumps(text[:3] + [{"index": index[5], "box": [0, 0, 1, 1]}]))


# --- eval_log: progress files (first byte odd: the target writes the matching header first) --------
def eval_log():
    record = {"index": 2, "answer": "<|box_start|>(1,2),(300,400)<|box_end|>",
              "boxes": [{"image": 1, "box": [0.001, 0.002, 0.3, 0.4]}], "image": 1,
              "seconds": 3.25, "finished": "2024-05-01T10:00:00.123Z"}
    empty = {"index": 0, "answer": "no idea", "boxes": [], "image": None, "seconds": 0.5,
             "finished": "2024-05-01T10:00:01.000Z"}
    lines = [json.dumps(record, separators=(",", ":")), json.dumps(empty, separators=(",", ":"))]
    write("eval_log", "two-records", b"\x01" + ("\n".join(lines) + "\n").encode())
    write("eval_log", "torn-last-line", b"\x01" + (lines[0] + "\n" + lines[1][:30]).encode())
    write("eval_log", "other-evaluation", b"\x00" + b'{"evaluation":{"bench":"/x.json","backend":"opencv","model":"","cases":[0]}}\n' + lines[0].encode() + b"\n")


# --- image_decoder: the fixture images, small, in every format the decoder reads -------------------
def image_decoder():
    images = os.path.join(FIX, "qwen2vl-tiny", "images")
    micro = os.path.join(images, "micro_45x31.png")
    write("image_decoder", "micro_45x31.png", read(micro, "rb"))
    with tempfile.TemporaryDirectory() as tmp:
        def convert(source, name, *options):
            out = os.path.join(tmp, name)
            subprocess.run(["convert", source, *options, out], check=True)
            write("image_decoder", name, read(out, "rb"))
        convert(os.path.join(images, "rgba_150x150.png"), "rgba-16x16.png", "-resize", "16x16")
        convert(os.path.join(images, "scene_320x200.jpg"), "scene-32x20.jpg", "-resize", "32x20", "-quality", "70")
        convert(os.path.join(images, "gray_180x120.png"), "gray-18x12.png", "-resize", "18x12")
        convert(micro, "micro-16bit.png", "-resize", "12x9", "-depth", "16")
        convert(micro, "micro-gray-alpha.png", "-resize", "12x9", "-colorspace", "Gray", "-alpha", "on")
        convert(micro, "micro.bmp", "-resize", "12x9")
        convert(micro, "micro.ppm", "-resize", "12x9")
        convert(micro, "micro.pgm", "-resize", "12x9")
        convert(micro, "micro.pbm", "-resize", "12x9")
        convert(micro, "micro.webp", "-resize", "12x9")
        convert(micro, "micro.tiff", "-resize", "12x9")
        convert(micro, "micro.gif", "-resize", "12x9")
        convert(micro, "micro.ras", "-resize", "12x9")
        convert(micro, "micro.hdr", "-resize", "12x9")


def main():
    answer_parser()
    model_config()
    safetensors()
    safetensors_index()
    tokenizer_load()
    tokenizer_encode()
    chat_prompt()
    predictions(migbench())
    eval_log()
    image_decoder()


if __name__ == "__main__":
    main()
