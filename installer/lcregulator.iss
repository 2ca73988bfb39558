; Inno Setup script for Windows (build on a Windows machine; see README "Windows").
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[postgres] pyinstaller
;   2. cd installer && ..\.venv\Scripts\pyinstaller --noconfirm lcregulator.spec
;   3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" lcregulator.iss
; The data folder (%LOCALAPPDATA%\lcregulator: database, evidence, documents) is never touched
; by upgrades or by uninstalling; the fonts 仿宋/宋体/黑体/楷体 are found in C:\Windows\Fonts.
#define AppVersion "0.1.0"

[Setup]
AppId={{6B1E2A47-3C0D-4B6E-9E3A-0E6C2D1A7F11}
AppName=直播电商监管执法办案系统
AppVersion={#AppVersion}
AppPublisher=lcregulator
DefaultDirName={autopf}\lcregulator
DefaultGroupName=直播电商监管执法办案系统
OutputBaseFilename=lcregulator-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64
UninstallDisplayIcon={app}\lcregulator.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; GroupDescription: "附加快捷方式："

[Files]
Source: "dist\lcregulator\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\直播电商监管执法办案系统"; Filename: "{app}\lcregulator.exe"
Name: "{group}\卸载"; Filename: "{uninstallexe}"
Name: "{autodesktop}\直播电商监管执法办案系统"; Filename: "{app}\lcregulator.exe"; Tasks: desktopicon

[UninstallDelete]
; only the program folder; the user's data folder stays unless removed by hand
Type: filesandordirs; Name: "{app}"
