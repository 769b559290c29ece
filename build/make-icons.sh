#!/bin/sh
# Regenerates the app icons in build/icons/ from this drawing (ImageMagick 6/7 `convert`, python3):
# two gateways joined by a tunnel with a padlock, on a rounded dark-blue tile.
#   icon.png (1024), NxN.png (Linux hicolor sizes), icon.ico (Windows), icon.icns (macOS).
set -eu
cd "$(dirname "$0")/icons"
convert -size 1024x1024 xc:none \
  \( -size 1024x1024 gradient:'#1f4e8c-#0c1f3a' \) \
  \( -size 1024x1024 xc:none -fill white -draw 'roundrectangle 40,40 984,984 200,200' \) \
  -compose over -delete 0 -alpha off -compose copy_opacity -composite \
  -stroke '#8fd3ff' -strokewidth 44 -draw 'line 250,560 774,560' \
  -stroke none -fill '#e8f1ff' -draw 'circle 250,560 250,680' -draw 'circle 774,560 774,680' \
  -fill '#1f4e8c' -draw 'circle 250,560 250,610' -draw 'circle 774,560 774,610' \
  -fill none -stroke '#ffc14d' -strokewidth 40 -draw 'arc 442,250 582,390 180,360' -draw 'line 442,320 442,470' -draw 'line 582,320 582,470' \
  -stroke none -fill '#ffc14d' -draw 'roundrectangle 392,450 632,660 36,36' \
  -fill '#0c1f3a' -draw 'circle 512,535 512,563' -draw 'rectangle 500,545 524,610' \
  -depth 8 icon.png
for s in 16 24 32 48 64 128 256 512 1024; do convert icon.png -resize ${s}x${s} ${s}x${s}.png; done
convert 16x16.png 24x24.png 32x32.png 48x48.png 64x64.png 128x128.png 256x256.png icon.ico
python3 - <<'PY'
import struct
entries = [(b'icp4', '16x16.png'), (b'icp5', '32x32.png'), (b'icp6', '64x64.png'), (b'ic07', '128x128.png'),
           (b'ic08', '256x256.png'), (b'ic09', '512x512.png'), (b'ic10', '1024x1024.png'),
           (b'ic11', '32x32.png'), (b'ic12', '64x64.png'), (b'ic13', '256x256.png'), (b'ic14', '512x512.png')]
body = b''
for kind, name in entries:
    data = open(name, 'rb').read()
    body += kind + struct.pack('>I', len(data) + 8) + data
open('icon.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
