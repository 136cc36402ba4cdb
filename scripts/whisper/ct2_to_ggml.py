#!/usr/bin/env python3
"""Converts a Whisper model from CTranslate2's format (model.bin + vocabulary.txt) to whisper.cpp's
ggml format, float16. Standard library only, so the set-up needs no numpy.

    ct2_to_ggml.py MODEL_DIR OUT.bin       (MODEL_DIR holds model.bin, or model.bin.part1, .part2, ...)

The two layouts differ in these ways (docs/whisper.md says where each fact comes from):
- CTranslate2 fuses self-attention's query/key/value into one (3d x d) matrix and cross-attention's
  key/value into one (2d x d), stacked by rows; whisper.cpp keeps them apart.
- Whisper's key projections have no bias; CTranslate2 stores zeros there, which whisper.cpp rejects
  as an unknown tensor, so they are dropped.
- 2-D weights (and the 3-D conv kernels) are float16 and are copied as they are; 1-D tensors, the conv
  biases (as (n, 1)) and both positional embeddings are written as float32.
- Weights are already (out, in): ggml lists dimensions innermost first, so only the order of the
  shape's numbers is reversed, never the data.
- `decoder/projection/weight` is an alias of the token embedding and is not written twice.
- The vocabulary is GPT-2's byte-level encoding mapped back to bytes, ids below <|endoftext|> only;
  whisper.cpp adds the special tokens itself.
- The 80 mel filters are not in the CTranslate2 model: they are computed (Slaney, sr 16000, n_fft 400).
"""

import math
import os
import struct
import sys

GGML_MAGIC = 0x67676D6C
FTYPE_F16 = 1
TENSOR_F32 = 0
TENSOR_F16 = 1

CT2_FLOAT32 = 0
CT2_FLOAT16 = 4
CT2_TYPE_SIZES = {0: 4, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2}

SAMPLE_RATE = 16000
N_FFT = 400


class ConversionError(Exception):
    pass


class Tensor:
    """A CTranslate2 variable: its shape, its element type and its little-endian bytes."""

    def __init__(self, shape, dtype, data):
        self.shape = tuple(shape)
        self.dtype = dtype
        self.data = data

    def rows(self, start, count):
        """Rows [start, start + count) of a matrix (or of a vector), as a new tensor."""
        row_elements = 1
        for dim in self.shape[1:]:
            row_elements *= dim
        size = CT2_TYPE_SIZES[self.dtype]
        begin = start * row_elements * size
        end = (start + count) * row_elements * size
        return Tensor((count,) + self.shape[1:], self.dtype, self.data[begin:end])

    def as_float32(self):
        n = len(self.data) // CT2_TYPE_SIZES[self.dtype]
        if self.dtype == CT2_FLOAT32:
            return self.data
        if self.dtype == CT2_FLOAT16:
            return struct.pack("<%df" % n, *struct.unpack("<%de" % n, self.data))
        raise ConversionError("a tensor of type %d, not float16 or float32 (a quantized model?)" % self.dtype)

    def as_float16(self):
        if self.dtype == CT2_FLOAT16:
            return self.data
        if self.dtype == CT2_FLOAT32:
            n = len(self.data) // 4
            return struct.pack("<%de" % n, *struct.unpack("<%df" % n, self.data))
        raise ConversionError("a tensor of type %d, not float16 or float32 (a quantized model?)" % self.dtype)

    def scalar(self):
        fmt = {1: "<b", 2: "<h", 3: "<i"}.get(self.dtype)
        if fmt is None:
            raise ConversionError("a scalar of type %d" % self.dtype)
        return struct.unpack(fmt, self.data)[0]


def read_ct2(data):
    """Parses CTranslate2's model.bin (binary version 6): {name: Tensor}, aliases resolved."""
    offset = 0

    def take(fmt):
        nonlocal offset
        values = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return values

    def string():
        nonlocal offset
        (length,) = take("H")
        text = data[offset:offset + length - 1].decode("utf-8")  # stored with a terminating NUL
        offset += length
        return text

    (version,) = take("I")
    if version < 5:
        raise ConversionError("CTranslate2 binary version %d; this converter reads 5 and later" % version)
    spec = string()
    if spec != "WhisperSpec":
        raise ConversionError("the model is a %s, not a Whisper model" % spec)
    take("I")  # the spec's revision
    (count,) = take("I")
    variables = {}
    for _ in range(count):
        name = string()
        (rank,) = take("B")
        shape = take("%dI" % rank) if rank else ()
        (dtype,) = take("B")
        (size,) = take("I")
        variables[name] = Tensor(shape, dtype, data[offset:offset + size])
        offset += size
    (alias_count,) = take("I")
    for _ in range(alias_count):
        alias = string()
        variables[alias] = variables[string()]
    return variables


def layer_count(variables, prefix):
    """The number of `prefix/layer_N/...` layers (`encoder/layer_norm` is not a layer)."""
    indices = set()
    for name in variables:
        head = prefix + "/layer_"
        if name.startswith(head):
            number = name[len(head):].split("/", 1)[0]
            if number.isdigit():
                indices.add(int(number))
    if indices != set(range(len(indices))):
        raise ConversionError("%s layers are not numbered 0 to %d" % (prefix, len(indices) - 1))
    return len(indices)


def ggml_tensors(variables):
    """The (name, Tensor, as_float32) list whisper.cpp loads, in its own names."""
    out = []

    def add(name, tensor, float32=None):
        if float32 is None:
            float32 = len(tensor.shape) < 2
        out.append((name, tensor, float32))

    def norm(ggml, ct2):
        add(ggml + ".weight", variables[ct2 + "/gamma"])
        add(ggml + ".bias", variables[ct2 + "/beta"])

    def linear(ggml, ct2, rows=None, bias=True):
        weight, b = variables[ct2 + "/weight"], variables[ct2 + "/bias"]
        if rows is not None:
            weight, b = weight.rows(*rows), b.rows(*rows)
        add(ggml + ".weight", weight)
        if bias:
            add(ggml + ".bias", b)

    def fused(ct2, names):
        """Splits a fused projection by rows; key projections lose their (zero) bias."""
        d = variables[ct2 + "/weight"].shape[0] // len(names)
        for index, ggml in enumerate(names):
            linear(ggml, ct2, rows=(index * d, d), bias=not ggml.endswith(".key"))

    def conv_bias(ggml, ct2):
        bias = variables[ct2]
        add(ggml, Tensor((bias.shape[0], 1), bias.dtype, bias.data), float32=True)

    add("encoder.positional_embedding", variables["encoder/position_encodings/encodings"], float32=True)
    add("encoder.conv1.weight", variables["encoder/conv1/weight"], float32=False)
    conv_bias("encoder.conv1.bias", "encoder/conv1/bias")
    add("encoder.conv2.weight", variables["encoder/conv2/weight"], float32=False)
    conv_bias("encoder.conv2.bias", "encoder/conv2/bias")
    norm("encoder.ln_post", "encoder/layer_norm")
    for i in range(layer_count(variables, "encoder")):
        ct2, ggml = "encoder/layer_%d" % i, "encoder.blocks.%d" % i
        norm(ggml + ".attn_ln", ct2 + "/self_attention/layer_norm")
        fused(ct2 + "/self_attention/linear_0", [ggml + ".attn.query", ggml + ".attn.key", ggml + ".attn.value"])
        linear(ggml + ".attn.out", ct2 + "/self_attention/linear_1")
        norm(ggml + ".mlp_ln", ct2 + "/ffn/layer_norm")
        linear(ggml + ".mlp.0", ct2 + "/ffn/linear_0")
        linear(ggml + ".mlp.2", ct2 + "/ffn/linear_1")

    add("decoder.positional_embedding", variables["decoder/position_encodings/encodings"], float32=True)
    add("decoder.token_embedding.weight", variables["decoder/embeddings/weight"], float32=False)
    norm("decoder.ln", "decoder/layer_norm")
    for i in range(layer_count(variables, "decoder")):
        ct2, ggml = "decoder/layer_%d" % i, "decoder.blocks.%d" % i
        norm(ggml + ".attn_ln", ct2 + "/self_attention/layer_norm")
        fused(ct2 + "/self_attention/linear_0", [ggml + ".attn.query", ggml + ".attn.key", ggml + ".attn.value"])
        linear(ggml + ".attn.out", ct2 + "/self_attention/linear_1")
        norm(ggml + ".cross_attn_ln", ct2 + "/attention/layer_norm")
        linear(ggml + ".cross_attn.query", ct2 + "/attention/linear_0")
        fused(ct2 + "/attention/linear_1", [ggml + ".cross_attn.key", ggml + ".cross_attn.value"])
        linear(ggml + ".cross_attn.out", ct2 + "/attention/linear_2")
        norm(ggml + ".mlp_ln", ct2 + "/ffn/layer_norm")
        linear(ggml + ".mlp.0", ct2 + "/ffn/linear_0")
        linear(ggml + ".mlp.2", ct2 + "/ffn/linear_1")
    return out


def hyperparameters(variables):
    """whisper.cpp's eleven header integers, read off the tensors' shapes."""
    embeddings = variables["decoder/embeddings/weight"]
    audio_positions = variables["encoder/position_encodings/encodings"]
    text_positions = variables["decoder/position_encodings/encodings"]
    return [
        embeddings.shape[0],  # n_vocab
        audio_positions.shape[0],  # n_audio_ctx
        audio_positions.shape[1],  # n_audio_state
        variables["encoder/num_heads"].scalar(),
        layer_count(variables, "encoder"),
        text_positions.shape[0],  # n_text_ctx
        text_positions.shape[1],  # n_text_state
        variables["decoder/num_heads"].scalar(),
        layer_count(variables, "decoder"),
        variables["encoder/conv1/weight"].shape[1],  # n_mels
        FTYPE_F16,
    ]


def gpt2_byte_decoder():
    """GPT-2's printable stand-ins for bytes, mapped back: {character: byte}."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
    printable += list(range(ord("®"), ord("ÿ") + 1))
    characters = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            characters.append(256 + extra)
            extra += 1
    return {chr(c): b for b, c in zip(printable, characters)}


def vocabulary(lines):
    """Token bytes for ids below <|endoftext|>, from vocabulary.txt's lines (one token a line)."""
    if "<|endoftext|>" not in lines:
        raise ConversionError("vocabulary.txt has no <|endoftext|> token")
    decoder = gpt2_byte_decoder()
    tokens = []
    for line in lines[:lines.index("<|endoftext|>")]:
        try:
            tokens.append(bytes(decoder[c] for c in line))
        except KeyError as missing:
            raise ConversionError("vocabulary token %r has a character outside GPT-2's byte encoding: %s"
                                  % (line, missing)) from None
    return tokens


def hz_to_mel(hz):
    """The Slaney mel scale (librosa's default): linear to 1 kHz, logarithmic above."""
    linear_step = 200.0 / 3
    if hz < 1000.0:
        return hz / linear_step
    return 1000.0 / linear_step + math.log(hz / 1000.0) / (math.log(6.4) / 27.0)


def mel_to_hz(mel):
    linear_step = 200.0 / 3
    break_mel = 1000.0 / linear_step
    if mel < break_mel:
        return mel * linear_step
    return 1000.0 * math.exp((math.log(6.4) / 27.0) * (mel - break_mel))


def mel_filters(n_mels, sample_rate=SAMPLE_RATE, n_fft=N_FFT):
    """n_mels triangular filters over the 1 + n_fft/2 FFT bins, Slaney-normalized (equal area)."""
    bins = n_fft // 2 + 1
    fft_hz = [i * (sample_rate / 2) / (bins - 1) for i in range(bins)]
    top = hz_to_mel(sample_rate / 2)
    edges = [mel_to_hz(top * i / (n_mels + 1)) for i in range(n_mels + 2)]
    filters = []
    for m in range(n_mels):
        lower, centre, upper = edges[m], edges[m + 1], edges[m + 2]
        area = 2.0 / (upper - lower)
        row = []
        for hz in fft_hz:
            rising = (hz - lower) / (centre - lower)
            falling = (upper - hz) / (upper - centre)
            row.append(max(0.0, min(rising, falling)) * area)
        filters.append(row)
    return filters


def write_ggml(out, variables, tokens):
    hparams = hyperparameters(variables)
    out.write(struct.pack("<I", GGML_MAGIC))
    out.write(struct.pack("<11i", *hparams))
    filters = mel_filters(hparams[9])
    out.write(struct.pack("<ii", len(filters), len(filters[0])))
    for row in filters:
        out.write(struct.pack("<%df" % len(row), *row))
    out.write(struct.pack("<i", len(tokens)))
    for token in tokens:
        out.write(struct.pack("<i", len(token)))
        out.write(token)
    for name, tensor, float32 in ggml_tensors(variables):
        encoded = name.encode("ascii")
        out.write(struct.pack("<iii", len(tensor.shape), len(encoded), TENSOR_F32 if float32 else TENSOR_F16))
        out.write(struct.pack("<%di" % len(tensor.shape), *reversed(tensor.shape)))
        out.write(encoded)
        out.write(tensor.as_float32() if float32 else tensor.as_float16())


def read_model_bytes(model_dir):
    """model.bin, or its parts model.bin.part1, part2, ... joined in order."""
    whole = os.path.join(model_dir, "model.bin")
    if os.path.exists(whole):
        with open(whole, "rb") as f:
            return f.read()
    parts = []
    while os.path.exists(os.path.join(model_dir, "model.bin.part%d" % (len(parts) + 1))):
        with open(os.path.join(model_dir, "model.bin.part%d" % (len(parts) + 1)), "rb") as f:
            parts.append(f.read())
    if not parts:
        raise ConversionError("no model.bin (nor model.bin.part1) in %s" % model_dir)
    return b"".join(parts)


def convert(model_dir, vocabulary_path, output_path):
    variables = read_ct2(read_model_bytes(model_dir))
    with open(vocabulary_path, encoding="utf-8") as f:
        tokens = vocabulary(f.read().split("\n"))
    partial = output_path + ".partial"
    with open(partial, "wb") as out:
        write_ggml(out, variables, tokens)
    os.replace(partial, output_path)  # never a half-written model under the real name


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: ct2_to_ggml.py MODEL_DIR OUT.bin [VOCABULARY.txt]\n")
        return 2
    model_dir, output = argv[1], argv[2]
    vocab = argv[3] if len(argv) == 4 else os.path.join(model_dir, "vocabulary.txt")
    try:
        convert(model_dir, vocab, output)
    except (ConversionError, KeyError, OSError, struct.error) as error:
        sys.stderr.write("ct2_to_ggml: can't convert %s: %s\n" % (model_dir, error))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
