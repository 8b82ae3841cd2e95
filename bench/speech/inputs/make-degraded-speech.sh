#!/usr/bin/env bash
# Builds the recordings decoder_settings_bench reads beside the real ones, with the ffmpeg CLI:
#   clean.wav        jfk.wav then Debian's five LibriVox utterances (as listed in `transcription`), 16 kHz mono
#   noisy.wav        clean.wav + pink noise at 10 dB SNR (RMS over the whole file)
#   reverberant.wav  clean.wav convolved with a synthetic room: a direct path, then decaying noise
#                    (RT60 0.6 s, direct-to-reverberant ratio about -7 dB), brought back to clean.wav's RMS level
#   manifesto-reverberant.wav  the manifesto's 88 s talk (video/videogrep_manifesto.mp4) in the same room,
#                    brought back to its own RMS level: long, real, hard speech
# The reference text of the first three is jfk.txt followed by the five utterances' transcriptions;
# of the last, the manifesto's captions.
# usage: make-degraded-speech.sh MEDIA_DIR OUT_DIR
set -euo pipefail
media=$1 out=$2
librivox=/usr/share/pocketsphinx/test/data/librivox
mkdir -p "$out"
rms_db() {  # RMS level of an input's first channel in dBFS; arguments: ffmpeg's input options and input
  ffmpeg -hide_banner -nostats "${@:1:$#-1}" -i "${!#}" -af astats=measure_perchannel=RMS_level:measure_overall=none -f null - 2>&1 |
    awk '/RMS level dB/ {print $NF; exit}'
}
inputs=(-i "$media/speech/jfk.wav")
for id in $(sed 's/.*(\(.*\))$/\1/' "$librivox/transcription"); do inputs+=(-i "$librivox/$id.wav"); done
ffmpeg -v error -y "${inputs[@]}" \
  -filter_complex "concat=n=$((${#inputs[@]} / 2)):v=0:a=1,aformat=sample_fmts=s16:sample_rates=16000:channel_layouts=mono" \
  "$out/clean.wav"
speech=$(rms_db "$out/clean.wav")
seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$out/clean.wav")
noise="anoisesrc=color=pink:amplitude=1:sample_rate=16000:seed=7:duration=$seconds"
noise_level=$(rms_db -f lavfi "$noise")
gain=$(awk -v s="$speech" -v n="$noise_level" 'BEGIN {print s - 10 - n}')
ffmpeg -v error -y -i "$out/clean.wav" -f lavfi -i "$noise" \
  -filter_complex "[1]volume=${gain}dB[n];[0][n]amix=inputs=2:duration=first:normalize=0,aformat=sample_fmts=s16" \
  "$out/noisy.wav"
room="aevalsrc=if(eq(n\,0)\,1\,0.15*(2*random(0)-1)*exp(-11.5*t)):s=16000:d=0.6"
in_the_room() {  # DRY.wav OUT.wav: DRY through the room, at DRY's RMS level
  ffmpeg -v error -y -i "$1" -f lavfi -i "$room" -filter_complex "[0][1]afir=gtype=none,aformat=sample_fmts=flt" "$2.tmp.wav"
  local dry wet
  dry=$(rms_db "$1") wet=$(rms_db "$2.tmp.wav")
  ffmpeg -v error -y -i "$2.tmp.wav" -af "volume=$(awk -v s="$dry" -v w="$wet" 'BEGIN {print s - w}')dB,aformat=sample_fmts=s16" "$2"
  rm "$2.tmp.wav"
}
in_the_room "$out/clean.wav" "$out/reverberant.wav"
ffmpeg -v error -y -i "$media/video/videogrep_manifesto.mp4" -vn -af aformat=sample_fmts=s16:sample_rates=16000:channel_layouts=mono \
  "$out/manifesto.wav"
in_the_room "$out/manifesto.wav" "$out/manifesto-reverberant.wav"
rm "$out/manifesto.wav"
