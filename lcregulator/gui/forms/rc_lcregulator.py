# Generated from forms/../resources/lcregulator.qrc by tools/build_forms.py — do not edit.
# Resource object code (Python 3)
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x01\xb3\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2225\
6\x22 height=\x22256\x22 \
viewBox=\x220 0 256\
 256\x22>\x0a  <!-- lc\
regulator: a shi\
eld (supervision\
) over a play tr\
iangle (live str\
eaming). -->\x0a  <\
path d=\x22M128 16 \
L224 52 V124 C22\
4 184 182 224 12\
8 242 C74 224 32\
 184 32 124 V52 \
Z\x22\x0a        fill=\
\x22#1f4e9c\x22 stroke\
=\x22#163a75\x22 strok\
e-width=\x226\x22/>\x0a  \
<circle cx=\x22128\x22\
 cy=\x22128\x22 r=\x2262\x22\
 fill=\x22#ffffff\x22/\
>\x0a  <path d=\x22M11\
0 96 L166 128 L1\
10 160 Z\x22 fill=\x22\
#c8102e\x22/>\x0a</svg\
>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x0f\
\x0a\x19\x95g\
\x00l\
\x00c\x00r\x00e\x00g\x00u\x00l\x00a\x00t\x00o\x00r\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x02\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
