; Inno Setup recipe for a per-user Windows installer of the PyInstaller bundle (dist\ol-desk\).
; Build the bundle on Windows with `packaging\build_bundle.sh` (Git Bash) first, then: iscc packaging\windows\ol-desk.iss
#define AppVersion GetEnv("OL_DESK_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0F3A52-4E0C-4B8B-9E53-0C1D7A2F9D11}
AppName=ol-desk
AppVersion={#AppVersion}
AppPublisher=Continuous Policing Improvement Command
DefaultDirName={localappdata}\Programs\ol-desk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=ol-desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
DisableProgramGroupPage=yes

[Files]
Source: "..\..\dist\ol-desk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\ol-desk"; Filename: "{app}\ol-desk.exe"
Name: "{userdesktop}\ol-desk"; Filename: "{app}\ol-desk.exe"; Tasks: desktopicon

[Tasks]
Name: desktopicon; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\ol-desk.exe"; Description: "Start ol-desk"; Flags: postinstall nowait skipifsilent
