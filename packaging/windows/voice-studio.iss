; Voice Studio installer (Inno Setup 6.3 or newer). Built on Windows by
;   python packaging\build.py --installer
; which freezes the app into dist\voice-studio and runs ISCC with
;   /DAppVersion=... /DSourceDir=... /DOutputDir=... /DIconFile=... [/DTorchVersion=...]
;   [/DSIGN /Svoicestudio=<signtool command line with $f>]   (when VOICE_STUDIO_SIGNTOOL is set)
;
; Per-user install by default (no administrator rights; "Install for all users" is offered).
; The CUDA runtime layer (dist\voice-studio\cuda-runtime, when the build has one) is a separate
; component: needed once, kept across app updates; an update that finds a matching layer already
; installed leaves it unticked.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\voice-studio"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist\packages"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\voice-studio.ico"
#endif
#ifndef TorchVersion
  #define TorchVersion ""
#endif
#define HasLayer DirExists(SourceDir + "\cuda-runtime")

[Setup]
AppId={{8F1C7B0E-5C7A-4F0B-9B53-3E2C6E1D7A41}
AppName=Voice Studio
AppVersion={#AppVersion}
AppVerName=Voice Studio {#AppVersion}
AppPublisher=Voice Studio
DefaultDirName={autopf}\Voice Studio
DefaultGroupName=Voice Studio
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\voice-studio.exe
UninstallDisplayName=Voice Studio
OutputDir={#OutputDir}
OutputBaseFilename=Voice-Studio-{#AppVersion}-windows-x86_64-setup
WizardStyle=modern
Compression=lzma2/fast
SolidCompression=no
#if HasLayer
; with the layer the payload passes the 2.1 GB that fits in one setup file: the data goes to
; Voice-Studio-...-setup-1.bin (and -2.bin ...) next to the .exe; ship them together
DiskSpanning=yes
DiskSliceSize=max
#endif
#ifdef SIGN
SignTool=voicestudio
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Types]
Name: "full"; Description: "Voice Studio with the CUDA runtime layer"
Name: "update"; Description: "Voice Studio only (keep the CUDA runtime layer already installed)"
Name: "custom"; Description: "Custom"; Flags: iscustom

[Components]
Name: "app"; Description: "Voice Studio {#AppVersion}"; Types: full update custom; Flags: fixed
#if HasLayer
Name: "cuda"; Description: "CUDA runtime layer for torch {#TorchVersion} (NVIDIA libraries; needed once, kept across updates)"; Types: full
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; the previous version's core, so no stale module outlives an update (the CUDA layer stays)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Excludes: "\cuda-runtime,\cuda-runtime\*"; Flags: ignoreversion recursesubdirs createallsubdirs; Components: app
#if HasLayer
Source: "{#SourceDir}\cuda-runtime\*"; DestDir: "{app}\cuda-runtime"; Flags: ignoreversion recursesubdirs createallsubdirs; Components: cuda
#endif

[Icons]
Name: "{autoprograms}\Voice Studio"; Filename: "{app}\voice-studio.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\Voice Studio"; Filename: "{app}\voice-studio.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\voice-studio.exe"; Description: "{cm:LaunchProgram,Voice Studio}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: dirifempty; Name: "{app}\cuda-runtime"
Type: dirifempty; Name: "{app}"

[Code]
#if HasLayer
function LayerInstalled(Dir: String): Boolean;
var
  Manifest: AnsiString;
begin
  Result := LoadStringFromFile(AddBackslash(Dir) + 'cuda-runtime\MANIFEST.json', Manifest) and
    (Pos('"torch": "{#TorchVersion}"', String(Manifest)) > 0);
end;

procedure CurPageChanged(CurPageID: Integer);
begin
  { an update over a matching layer: leave the 2.8 GB layer out unless the user ticks it }
  if (CurPageID = wpSelectComponents) and LayerInstalled(WizardDirValue) then
    WizardSelectComponents('!cuda');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = wpSelectComponents) and not WizardIsComponentSelected('cuda') and
     not LayerInstalled(WizardDirValue) then
    Result := MsgBox('The CUDA runtime layer is not installed in this folder, and Voice Studio does not ' +
      'start without it. Continue without it?', mbConfirmation, MB_YESNO) = IDYES;
end;
#endif
