"""The seed's API stack, for side-by-side figures in api_bench.sh: FastAPI on uvicorn, PyJWT,
sqlite3 (Debian's python3-fastapi, uvicorn, python3-jwt, python3-multipart). It reads the same
SQLite file and checks the same HS256 tokens as the `clipgen serve` it runs beside, as the
seed did: a session per request, the job row by id and owner, the job as JSON. clipgen signs
tokens with a key derived from SECRET_KEY (auth/service_keys.h: HKDF-SHA256, info "clipgen access
tokens"), so this app derives the same key once, with python3-cryptography.

    SEED_DB=data/clipgen.db SEED_UPLOADS=/tmp/up SECRET_KEY=... uvicorn seed_app:app --port 9000
"""
import os
import shutil
import sqlite3
import uuid

import jwt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from fastapi import FastAPI, Header, HTTPException, UploadFile

DATABASE = os.environ["SEED_DB"]
UPLOADS = os.environ.get("SEED_UPLOADS", "/tmp")
TOKEN_KEY = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                 info=b"clipgen access tokens").derive(os.environ["SECRET_KEY"].encode())
JOB_COLUMNS = ("id", "video_id", "status", "stage", "progress", "error", "notes", "attempts", "settings",
               "llm_input_tokens", "llm_output_tokens", "llm_cost_usd", "created_at", "started_at", "finished_at")

app = FastAPI()


def current_user(authorization):
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="sign in first")
    try:
        return jwt.decode(authorization[len("Bearer "):], TOKEN_KEY, algorithms=["HS256"])["sub"]
    except jwt.PyJWTError as error:
        raise HTTPException(status_code=401, detail=f"invalid token: {error}")


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


@app.get("/api/jobs/{job_id}")
def get_job(job_id: str, authorization: str = Header(None)):
    user_id = current_user(authorization)
    connection = sqlite3.connect(DATABASE)
    try:
        row = connection.execute(f"SELECT {', '.join(JOB_COLUMNS)} FROM jobs WHERE id = ? AND user_id = ?",
                                 (job_id, user_id)).fetchone()
    finally:
        connection.close()
    if row is None:
        raise HTTPException(status_code=404, detail="job not found")
    return {"job": dict(zip(JOB_COLUMNS, row))}


@app.post("/api/videos", status_code=201)
def upload_video(file: UploadFile, authorization: str = Header(None)):
    current_user(authorization)
    path = os.path.join(UPLOADS, f"{uuid.uuid4()}.mp4")
    with open(path, "wb") as out:
        shutil.copyfileobj(file.file, out, 1024 * 1024)
    size = os.path.getsize(path)
    os.remove(path)
    return {"video": {"filename": file.filename, "size_bytes": size}}
