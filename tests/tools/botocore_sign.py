#!/usr/bin/python3
"""Signs one S3 request with botocore at a fixed time and prints what it produced, as JSON.

The independent implementation clipgen's SigV4 signer is compared against. botocore builds the
URL (key encoding, addressing style), the canonical request, the string to sign and the signature;
nothing is sent: the request is captured just before it would go out.

Usage: botocore_sign.py '<json>' (one spec, or a list of them for a list of results) with
  {"operation": "get_object|put_object|list_objects_v2|presign_get|presign_put",
   "endpoint": "http://127.0.0.1:9000", "region": "us-east-1", "addressing": "path|virtual",
   "bucket": "...", "key": "...", "access_key": "...", "secret_key": "...",
   "time": "20130524T000000Z", "range": "bytes=0-9", "body": "...", "content_type": "...",
   "disposition": "...", "prefix": "...", "expires": 3600}
"""
import datetime
import functools
import json
import logging
import os
import sys
from unittest import mock

# Debian's botocore signs through awscrt when present, which logs nothing; the pure-Python signer
# logs its canonical request and string to sign, which the tests compare step by step.
os.environ["BOTO_DISABLE_CRT"] = "true"
import botocore.session  # noqa: E402
from botocore.config import Config  # noqa: E402


class Captured(Exception):
    pass


class AuthLog(logging.Handler):
    """botocore.auth logs the canonical request and the string to sign at debug level."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.values = {}

    def emit(self, record):
        message = record.getMessage()
        for label, name in (("CanonicalRequest:\n", "canonical_request"), ("StringToSign:\n", "string_to_sign"),
                            ("Signature:\n", "signature")):
            if message.startswith(label):
                self.values[name] = message[len(label):]


def sign(spec):
    fixed = datetime.datetime.strptime(spec["time"], "%Y%m%dT%H%M%SZ")

    class FixedDatetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return fixed

    log = AuthLog()
    auth_logger = logging.getLogger("botocore.auth")
    auth_logger.setLevel(logging.DEBUG)
    auth_logger.addHandler(log)
    try:
        return sign_logged(spec, FixedDatetime, log)
    finally:
        auth_logger.removeHandler(log)


@functools.lru_cache(maxsize=None)
def s3_client(region, endpoint, access_key, secret_key, addressing):
    """One client per target: making a client costs far more than signing with it."""
    return botocore.session.get_session().create_client(
        "s3", region_name=region, endpoint_url=endpoint or None,
        aws_access_key_id=access_key, aws_secret_access_key=secret_key,
        config=Config(signature_version="s3v4", s3={"addressing_style": addressing},
                      retries={"max_attempts": 0}))


def sign_logged(spec, fixed_datetime, log):
    client = s3_client(spec["region"], spec.get("endpoint", ""), spec["access_key"], spec["secret_key"],
                       spec["addressing"])
    sent = {}

    def capture(request, **_):
        sent["url"] = request.url
        sent["headers"] = {k.lower(): (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
        raise Captured()

    client.meta.events.register("before-send.s3", capture, unique_id="clipgen-capture")
    operation = spec["operation"]
    params = {"Bucket": spec["bucket"]}
    with mock.patch("botocore.auth.datetime.datetime", fixed_datetime):
        if operation.startswith("presign_"):
            params["Key"] = spec["key"]
            if operation == "presign_get":
                if spec.get("disposition"):
                    params["ResponseContentDisposition"] = spec["disposition"]
                url = client.generate_presigned_url("get_object", Params=params, ExpiresIn=spec["expires"])
            else:
                if spec.get("content_type"):
                    params["ContentType"] = spec["content_type"]
                url = client.generate_presigned_url("put_object", Params=params, ExpiresIn=spec["expires"])
            sent["url"] = url
        else:
            if operation == "get_object":
                params["Key"] = spec["key"]
                if spec.get("range"):
                    params["Range"] = spec["range"]
            elif operation == "put_object":
                params["Key"] = spec["key"]
                params["Body"] = spec.get("body", "").encode()
                if spec.get("content_type"):
                    params["ContentType"] = spec["content_type"]
            elif operation == "list_objects_v2":
                params["Prefix"] = spec.get("prefix", "")
            try:
                getattr(client, operation)(**params)
            except Captured:
                pass
    client.meta.events.unregister("before-send.s3", unique_id="clipgen-capture")
    sent.update(log.values)
    return sent


def main():
    specs = json.loads(sys.argv[1])
    # A list is signed in one run: starting Python and botocore costs more than signing.
    if isinstance(specs, list):
        print(json.dumps([sign(spec) for spec in specs]))
    else:
        print(json.dumps(sign(specs)))


if __name__ == "__main__":
    main()
