"""The official DashScope Python SDK in the place of `verbatim transcribe`, for `make bench-dashscope-sdk`.

Called as the benchmark calls the release binary:
    dashscope-sdk-transcribe.py transcribe FILE --engine dashscope --endpoint URL --no-save
with DASHSCOPE_API_KEY set. Streams FILE with the SDK's own file mode, Recognition.call(file) (12,800-byte
frames as fast as the socket takes them, spec A.6), and prints one line per final sentence, as the
binary does, so the benchmark counts them the same way.
"""
import os
import sys


def main(arguments):
    if len(arguments) < 2 or arguments[0] != "transcribe" or "--endpoint" not in arguments:
        sys.exit("usage: dashscope-sdk-transcribe.py transcribe FILE --endpoint URL ...")
    path = arguments[1]
    url = arguments[arguments.index("--endpoint") + 1]
    if "--engine" in arguments and arguments[arguments.index("--engine") + 1] != "dashscope":
        sys.exit("only the duplex protocol (--engine dashscope) is measured against the SDK")
    os.environ["DASHSCOPE_WEBSOCKET_BASE_URL"] = url  # read by the SDK, as by verbatim

    import dashscope
    from dashscope.audio.asr import Recognition

    dashscope.api_key = os.environ["DASHSCOPE_API_KEY"]
    dashscope.base_websocket_api_url = url
    # "pcm": the file is a 16 kHz mono WAV; its 44-byte header goes out as 1.4 ms of audio.
    recognition = Recognition(model="fun-asr-realtime", format="pcm", sample_rate=16000, callback=None)
    result = recognition.call(path)
    if result.status_code != 200:
        sys.exit(f"the SDK failed: {result.status_code} {result.code} {result.message}")
    for sentence in result.get_sentence() or []:
        print(sentence["text"])


if __name__ == "__main__":
    main(sys.argv[1:])
