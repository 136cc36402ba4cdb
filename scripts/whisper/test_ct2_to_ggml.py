"""Tests of the CTranslate2 → ggml converter on a small model made here, shaped like Whisper's."""

import os
import struct
import tempfile
import unittest

import ct2_to_ggml as convert

D = 4  # model width
VOCAB = ["!", "a", "Ġhello", "ä¸Ń", "<|endoftext|>", "<|startoftranscript|>"]


def ct2_string(text):
    encoded = text.encode("utf-8")
    return struct.pack("<H", len(encoded) + 1) + encoded + b"\0"


def ct2_variable(name, shape, values, dtype=convert.CT2_FLOAT16):
    data = struct.pack("<%d%s" % (len(values), "e" if dtype == convert.CT2_FLOAT16 else "h"), *values)
    out = ct2_string(name) + struct.pack("<B", len(shape)) + b"".join(struct.pack("<I", d) for d in shape)
    return out + struct.pack("<BI", dtype, len(data)) + data


def counting(shape, start=0.0):
    n = 1
    for d in shape:
        n *= d
    return [start + i for i in range(n)]


def small_model():
    """Two encoder layers, one decoder layer, width 4, 6 mel bins; values count up so rows are known."""
    variables = {}

    def add(name, shape, values=None):
        variables[name] = (shape, values if values is not None else counting(shape))

    def attention(prefix, fused_rows):
        add(prefix + "/layer_norm/gamma", (D,))
        add(prefix + "/layer_norm/beta", (D,))
        add(prefix + "/linear_0/weight", (fused_rows * D, D))
        add(prefix + "/linear_0/bias", (fused_rows * D,))
        add(prefix + "/linear_1/weight", (D, D))
        add(prefix + "/linear_1/bias", (D,))

    def ffn(prefix):
        add(prefix + "/layer_norm/gamma", (D,))
        add(prefix + "/layer_norm/beta", (D,))
        add(prefix + "/linear_0/weight", (2 * D, D))
        add(prefix + "/linear_0/bias", (2 * D,))
        add(prefix + "/linear_1/weight", (D, 2 * D))
        add(prefix + "/linear_1/bias", (D,))

    add("encoder/conv1/weight", (D, 6, 3))
    add("encoder/conv1/bias", (D,))
    add("encoder/conv2/weight", (D, D, 3))
    add("encoder/conv2/bias", (D,))
    add("encoder/position_encodings/encodings", (10, D))
    for i in range(2):
        attention("encoder/layer_%d/self_attention" % i, 3)
        ffn("encoder/layer_%d/ffn" % i)
    add("encoder/layer_norm/gamma", (D,))
    add("encoder/layer_norm/beta", (D,))
    add("decoder/embeddings/weight", (len(VOCAB), D))
    add("decoder/position_encodings/encodings", (8, D))
    attention("decoder/layer_0/self_attention", 3)
    prefix = "decoder/layer_0/attention"
    add(prefix + "/layer_norm/gamma", (D,))
    add(prefix + "/layer_norm/beta", (D,))
    add(prefix + "/linear_0/weight", (D, D))
    add(prefix + "/linear_0/bias", (D,))
    add(prefix + "/linear_1/weight", (2 * D, D))
    add(prefix + "/linear_1/bias", (2 * D,))
    add(prefix + "/linear_2/weight", (D, D))
    add(prefix + "/linear_2/bias", (D,))
    ffn("decoder/layer_0/ffn")
    add("decoder/layer_norm/gamma", (D,))
    add("decoder/layer_norm/beta", (D,))

    body = b"".join(ct2_variable(name, shape, values) for name, (shape, values) in variables.items())
    body += ct2_variable("encoder/num_heads", (), [2], dtype=2) + ct2_variable("decoder/num_heads", (), [2], dtype=2)
    header = struct.pack("<I", 6) + ct2_string("WhisperSpec") + struct.pack("<II", 3, len(variables) + 2)
    aliases = struct.pack("<I", 1) + ct2_string("decoder/projection/weight") + ct2_string("decoder/embeddings/weight")
    return header + body + aliases


def read_ggml(path):
    """The converted file: (hparams, filters, tokens, {name: (ttype, ggml dims, values)})."""
    with open(path, "rb") as f:
        data = f.read()
    offset = 0

    def take(fmt):
        nonlocal offset
        values = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return values

    assert take("I")[0] == convert.GGML_MAGIC
    hparams = take("11i")
    n_mel, n_fft = take("ii")
    filters = [take("%df" % n_fft) for _ in range(n_mel)]
    tokens = []
    for _ in range(take("i")[0]):
        (length,) = take("i")
        tokens.append(data[offset:offset + length])
        offset += length
    tensors = {}
    while offset < len(data):
        n_dims, name_length, ttype = take("iii")
        dims = take("%di" % n_dims)
        name = data[offset:offset + name_length].decode()
        offset += name_length
        count = 1
        for d in dims:
            count *= d
        tensors[name] = (ttype, dims, take("%d%s" % (count, "f" if ttype == convert.TENSOR_F32 else "e")))
    return hparams, filters, tokens, tensors


class ConverterTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        model = os.path.join(cls.folder.name, "model")
        os.makedirs(model)
        blob = small_model()
        # Split in two parts, as the base model's packages ship it.
        with open(os.path.join(model, "model.bin.part1"), "wb") as f:
            f.write(blob[:len(blob) // 2])
        with open(os.path.join(model, "model.bin.part2"), "wb") as f:
            f.write(blob[len(blob) // 2:])
        with open(os.path.join(model, "vocabulary.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(VOCAB))
        cls.output = os.path.join(cls.folder.name, "ggml.bin")
        convert.convert(model, os.path.join(model, "vocabulary.txt"), cls.output)
        cls.hparams, cls.filters, cls.tokens, cls.tensors = read_ggml(cls.output)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_header_reads_the_dimensions_off_the_tensors(self):
        # n_vocab, audio ctx/state/head/layers, text ctx/state/head/layers, n_mels, f16
        self.assertEqual(self.hparams, (len(VOCAB), 10, D, 2, 2, 8, D, 2, 1, 6, 1))

    def test_encoder_layer_norm_is_not_a_layer(self):
        self.assertNotIn("encoder.blocks.2.attn_ln.weight", self.tensors)
        self.assertIn("encoder.ln_post.weight", self.tensors)

    def test_fused_projections_split_by_rows_and_key_biases_dropped(self):
        qkv = counting((3 * D, D))
        _, dims, query = self.tensors["encoder.blocks.1.attn.query.weight"]
        self.assertEqual(dims, (D, D))  # ggml lists the inner dimension first
        self.assertEqual(list(query), qkv[:D * D])
        self.assertEqual(list(self.tensors["encoder.blocks.1.attn.key.weight"][2]), qkv[D * D:2 * D * D])
        self.assertEqual(list(self.tensors["encoder.blocks.1.attn.value.weight"][2]), qkv[2 * D * D:])
        self.assertEqual(list(self.tensors["encoder.blocks.1.attn.value.bias"][2]), counting((3 * D,))[2 * D:])
        kv = counting((2 * D, D))
        self.assertEqual(list(self.tensors["decoder.blocks.0.cross_attn.key.weight"][2]), kv[:D * D])
        self.assertEqual(list(self.tensors["decoder.blocks.0.cross_attn.value.weight"][2]), kv[D * D:])
        for name in self.tensors:
            self.assertFalse(name.endswith("key.bias"), name)

    def test_types_and_shapes_as_whisper_cpp_loads_them(self):
        f16, f32 = convert.TENSOR_F16, convert.TENSOR_F32
        self.assertEqual(self.tensors["encoder.conv1.weight"][:2], (f16, (3, 6, D)))
        self.assertEqual(self.tensors["encoder.conv1.bias"][:2], (f32, (1, D)))
        self.assertEqual(self.tensors["encoder.positional_embedding"][:2], (f32, (D, 10)))
        self.assertEqual(self.tensors["decoder.positional_embedding"][:2], (f32, (D, 8)))
        self.assertEqual(self.tensors["decoder.token_embedding.weight"][:2], (f16, (D, len(VOCAB))))
        self.assertEqual(self.tensors["decoder.blocks.0.mlp.0.weight"][:2], (f16, (D, 2 * D)))
        self.assertEqual(self.tensors["decoder.ln.bias"][:2], (f32, (D,)))
        self.assertEqual(self.tensors["decoder.blocks.0.mlp.2.bias"][2], tuple(counting((D,))))

    def test_every_tensor_whisper_cpp_expects_once(self):
        # Encoder: positions, two convs (weight, bias), ln_post; a layer: attn_ln, query (w, b), key (w),
        # value (w, b), out (w, b), mlp_ln, mlp.0, mlp.2. Decoder: positions, tokens, ln; a layer: the
        # same self-attention, cross-attention alike, and the MLP.
        encoder, encoder_layer, decoder, decoder_layer = 7, 15, 4, 24
        self.assertEqual(len(self.tensors), encoder + 2 * encoder_layer + decoder + 1 * decoder_layer)
        self.assertNotIn("decoder.projection.weight", self.tensors)

    def test_vocabulary_is_bytes_below_end_of_text(self):
        self.assertEqual(self.tokens, [b"!", b"a", b" hello", "中".encode()])

    def test_mel_filters_are_slaney(self):
        self.assertEqual(len(self.filters), 6)
        self.assertEqual(len(self.filters[0]), 201)
        whisper_80 = convert.mel_filters(80)
        # librosa.filters.mel(sr=16000, n_fft=400, n_mels=80), as Whisper ships it.
        # librosa.filters.mel(sr=16000, n_fft=400, n_mels=80)[0][1], as Whisper ships it: the first
        # triangle spans 0 to 74.5 Hz (mel 0 to 1.117 on Slaney's scale), peaks at 37.2 Hz, height 2/74.5.
        self.assertAlmostEqual(whisper_80[0][1], 0.02486259, places=6)
        for row in whisper_80:
            self.assertTrue(all(v >= 0 for v in row))
            self.assertGreater(max(row), 0)
        # Slaney's normalization gives every triangle an area of 1 (weights x 40 Hz bins); the wide
        # ones above 1 kHz are sampled finely enough to show it.
        for row in whisper_80[40:]:
            self.assertLess(abs(sum(row) * 40.0 - 1.0), 0.1)
        # Below 1 kHz the centres are evenly spaced: the scale is linear there.
        peaks = [max(range(201), key=row.__getitem__) for row in whisper_80[:20]]
        self.assertTrue(all(b >= a for a, b in zip(peaks, peaks[1:])))

    def test_a_model_that_is_not_whisper_is_refused(self):
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "model.bin"), "wb") as f:
                f.write(struct.pack("<I", 6) + ct2_string("TransformerSpec") + struct.pack("<II", 1, 0))
            with self.assertRaises(convert.ConversionError):
                convert.read_ct2(convert.read_model_bytes(folder))


if __name__ == "__main__":
    unittest.main()
