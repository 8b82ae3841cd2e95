#!/usr/bin/env bash
# Builds the inputs of the container x codec sync matrix (tests/integration/media/sync_matrix_test.cpp)
# from the real recordings in ../shared/media, with the ffmpeg CLI.
#
# Every input is 11 s of the real talking head (looped) with a band along the bottom that shows
# the frame number in binary (so any two neighbouring frames differ clearly), and the real speech
# of jfk.wav. Sync marks: at each instant in FLASHES one whole frame is white and a 1 kHz beep
# starts (80 ms; the speech is muted around it). The instants are multiples of 0.2 s, so each
# is a frame start at 25, 30 and 50 fps. The test measures the marks in each input again with
# the ffmpeg CLI; this script only has to put them at the same instants.
#
# usage: make-sync-matrix.sh OUT_DIR [MEDIA_DIR]. Writes OUT_DIR/<name>.<ext>; skips inputs
# that already exist (each is written under a temporary name and renamed when complete).
set -euo pipefail
out=${1:?usage: make-sync-matrix.sh OUT_DIR [MEDIA_DIR]}
media=${2:-$(cd "$(dirname "$0")/../../../../shared/media" && pwd)}
mkdir -p "$out"

DURATION=11
FLASHES=(1.4 3.6 4.8 7.8 9.2)  # seconds; irregular gaps
BEEP=0.08                      # seconds

any_of() {  # any_of FORMAT: the sum of FORMAT (printf, %s = instant) over FLASHES, for an expression
  local expr="" t
  for t in "${FLASHES[@]}"; do expr+="${expr:++}$(printf "$1" "$t" "$t")"; done
  echo "$expr"
}

# picture FPS W H [interlaced]: filter chain from input 0 (the talking head) to [v]. Interlaced:
# made at twice the rate and woven into top-field-first frames; a flash covers both fields.
picture() {
  local fps=$1 w=$2 h=$3 mode=${4:-progressive} rate=$1 flashes="" t k weave=""
  if [ "$mode" = interlaced ]; then rate=$((fps * 2)); weave=",tinterlace=mode=interleave_top,setfield=tff"; fi
  for t in "${FLASHES[@]}"; do
    k=$(awk -v t="$t" -v r="$rate" 'BEGIN { printf "%d", t * r + 0.5 }')
    flashes+="${flashes:++}eq(n,$k)"
    [ "$mode" = interlaced ] && flashes+="+eq(n,$((k + 1)))"
  done
  local band=$((h / 8)) bits="" b
  for b in $(seq 0 9); do  # bit b of the frame number: white when set
    bits+=",drawbox=x=$((b * w / 10)):y=$((h - band)):w=$((w / 10)):h=$band:c=white:t=fill:enable='mod(floor(n/$((1 << b))),2)'"
  done
  echo "[0:v]fps=$rate,scale=$w:$h:force_original_aspect_ratio=increase,crop=$w:$h,setsar=1," \
    "drawbox=x=0:y=$((h - band)):w=$w:h=$band:c=black:t=fill$bits," \
    "drawbox=c=white:t=fill:enable='$flashes'$weave,format=yuv420p[v]"
}

# sound LABEL BED START: speech (input 1) muted around the beeps, plus the beeps, at 48 kHz; BED
# "hum": a quiet 300 Hz hum instead of the speech (a track of desktop sound); START > 0 drops what
# precedes it, so the stream's first timestamp is START (sound that begins after the picture).
sound() {
  local label=$1 bed=$2 start=$3 speech
  speech="[1:a]aresample=48000,apad,atrim=duration=$DURATION,volume=0:enable='$(any_of 'between(t,%s-0.1,%s+0.2)')'"
  [ "$bed" = hum ] && speech="aevalsrc='0.1*sin(2*PI*300*t)':s=48000:d=$DURATION"
  echo "$speech[s$label];" \
    "aevalsrc='0.5*sin(2*PI*1000*t)*($(any_of "between(t,%s,%s+$BEEP)"))':s=48000:d=$DURATION[b$label];" \
    "[s$label][b$label]amix=inputs=2:normalize=0,atrim=start=$start[$label]"
}

# encode NAME.EXT FILTER_GRAPH ARGS...: encodes the graph's [v] and [a*] outputs with ARGS.
encode() {
  local name=$1 graph=$2
  shift 2
  [ -s "$out/$name" ] && return 0
  local tmp=$out/.partial-$name
  SVT_LOG=1 ffmpeg -nostdin -loglevel error -y -stream_loop -1 -i "$media/video/sadtalker_WDA_AOC_talkinghead.mp4" \
    -i "$media/speech/jfk.wav" -filter_complex "$graph" -t "$DURATION" "$@" "$tmp"
  mv "$tmp" "$out/$name"
}

x264=(-c:v libx264 -preset veryfast -crf 26)

encode mp4_h264_aac.mp4 "$(picture 25 640 360);$(sound a none 0)" -map '[v]' -map '[a]' \
  "${x264[@]}" -g 50 -bf 3 -c:a aac -b:a 128k -ac 2
encode mov_hevc_pcm.mov "$(picture 30 320 240);$(sound a none 0)" -map '[v]' -map '[a]' \
  -c:v libx265 -preset ultrafast -x265-params keyint=60:log-level=error -tag:v hvc1 -c:a pcm_s16le -ac 2
encode mkv_av1_flac.mkv "$(picture 25 320 240);$(sound a none 0)" -map '[v]' -map '[a]' \
  -c:v libsvtav1 -preset 12 -g 50 -c:a flac -ac 2
encode webm_vp9_opus.webm "$(picture 30 640 360);$(sound a none 0)" -map '[v]' -map '[a]' \
  -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 600k -g 60 -c:a libopus -b:a 64k -ac 2
encode webm_vp8_vorbis.webm "$(picture 25 320 240);$(sound a none 0)" -map '[v]' -map '[a]' \
  -c:v libvpx -deadline realtime -cpu-used 8 -b:v 400k -g 50 -c:a libvorbis -q:a 3 -ac 2
# Timestamps from 10 s, written as a live stream: no cues (index), no duration in the header.
encode mkv_h264_mp3_from10s_nocues.mkv "$(picture 30 320 240);$(sound a none 0)" -map '[v]' -map '[a]' \
  "${x264[@]}" -g 60 -c:a libmp3lame -b:a 128k -ac 2 -output_ts_offset 10 -live 1
# Broadcast-like: interlaced MPEG-2 with open GOPs and B-frames, AC-3, MPEG-TS (from 1.4 s).
encode ts_mpeg2_ac3_interlaced.ts "$(picture 25 320 240 interlaced);$(sound a none 0)" -map '[v]' -map '[a]' \
  -c:v mpeg2video -b:v 1500k -g 50 -bf 2 -flags +ilme+ildct -top 1 -c:a ac3 -b:a 192k -ac 2 -f mpegts
# One open GOP of 10 s with B-frames: a seek lands far before any cut.
encode ts_h264_aac_longgop.ts "$(picture 25 320 240);$(sound a none 0)" -map '[v]' -map '[a]' \
  "${x264[@]}" -g 250 -bf 3 -x264-params open-gop=1:scenecut=0 -c:a aac -b:a 96k -ac 2 -f mpegts
# No B-frames: AVI has no presentation times, and the ffmpeg CLI shows B-frame AVIs one frame late.
encode avi_mpeg4_pcm.avi "$(picture 25 320 240);$(sound a none 0)" -map '[v]' -map '[a]' \
  -c:v mpeg4 -q:v 4 -g 50 -c:a pcm_s16le -ac 2
encode flv_h264_mp3.flv "$(picture 30 320 240);$(sound a none 0)" -map '[v]' -map '[a]' \
  "${x264[@]}" -g 60 -c:a libmp3lame -b:a 128k -ar 44100 -ac 2
# Two audio tracks that both begin after the picture: desktop hum + beeps on track 1 (AAC,
# from 0.5 s), speech + beeps on track 2 (AC-3, from 0.3 s).
encode mp4_h264_2tracks_late_audio.mp4 "$(picture 25 320 240);$(sound a1 hum 0.5);$(sound a2 none 0.3)" \
  -map '[v]' -map '[a1]' -map '[a2]' "${x264[@]}" -g 50 -c:a:0 aac -b:a:0 96k -c:a:1 ac3 -b:a:1 192k -ac 2
