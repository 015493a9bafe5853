; CrisisDraft's Windows installer: a per-user install that needs no administrator rights.
;
; Built by .github/workflows/release.yml, after packaging/build.py, with Inno Setup 6.3 or
; later (UTF-8 script without BOM; the x64compatible architecture names):
;   iscc /DVersion=0.1.0 /DBuild=..\..\dist\CrisisDraft /O..\..\dist packaging\windows\crisisdraft.iss
; The version is the project's, given through /DVersion (the workflow asks the installed
; project, as the build backend set it): never written here.
;
; What a user gets (packaging/README.md, "Installers"):
; - the app in %LOCALAPPDATA%\Programs\CrisisDraft ({userpf}), the place Windows gives
;   per-user programs; nothing under Program Files, nothing in HKEY_LOCAL_MACHINE;
; - a Start menu entry (and, if ticked, a desktop one), an uninstaller listed in
;   Settings > Apps (registered under HKCU by Inno Setup itself);
; - the incident file type, under HKCU\Software\Classes. Windows picks a file's type by
;   its LAST extension only, so "x.crisis.json" is a ".json" file and ".crisis.json" cannot
;   be registered as such. Taking over .json would hijack every JSON file of the user, so
;   CrisisDraft is added to .json's OpenWithProgids instead: right-click > Open with lists
;   it, and "Always use this app" there is the user's own choice (since Windows 8 an app
;   cannot set a default itself: the user's choice is hash-protected). The app checks the
;   file's "format" and says so clearly when a .json file is not an incident.

#ifndef Version
  #error Give the version: iscc /DVersion=x.y.z (the release workflow passes the project's)
#endif
#ifndef Build
  #define Build "..\..\dist\CrisisDraft"
#endif
#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (UTF-8 script, x64compatible)
#endif

#define AppName "CrisisDraft"
#define AppExe "CrisisDraft.exe"
#define ProgId "CrisisDraft.Incident"

[Setup]
; The same AppId for every version, so a new version upgrades the installed one in place.
AppId={{11DA39BF-5801-4E98-996B-04D6006DB0CB}
AppName={#AppName}
AppVersion={#Version}
AppVerName={#AppName} {#Version}
AppPublisher=CrisisDraft
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
WizardStyle=modern
ShowLanguageDialog=auto
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=CrisisDraft-{#Version}-windows-setup
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.IncidentFile=CrisisDraft incident file
french.IncidentFile=Fichier d’incident CrisisDraft

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous version's libraries whole: no stale file is loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Build}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The ProgID: how Explorer names, shows and opens an incident.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:IncidentFile}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Offered in "Open with" for .json files (incidents are *.crisis.json), default untouched.
Root: HKCU; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
