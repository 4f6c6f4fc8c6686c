<#
.SYNOPSIS
  Objector installer for Windows: installs the build tools when missing, builds objector-host and
  objector, installs them per user (or for all users with -System), registers the host with every
  browser found (`objector install`: manifest files plus HKCU/HKLM registry keys), builds the
  extension for Chromium-family browsers and Firefox and prints how to load it.
  -Uninstall undoes it (the history stays unless -Purge).

.NOTES
  Written for Windows 10/11 with PowerShell 5.1 or 7. It cannot be run on the Linux machines where
  Objector is developed and tested; the registry logic it relies on (host/install/) is tested there
  through an in-memory registry. Dependencies come from winget (CMake, Git, Node.js, Visual Studio
  Build Tools) and vcpkg (Boost.Asio, nlohmann-json, SQLiteCpp, cpp-httplib, Catch2).

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\install.ps1
  powershell -ExecutionPolicy Bypass -File installer\install.ps1 -Browser chrome,firefox
  powershell -ExecutionPolicy Bypass -File installer\install.ps1 -Uninstall -Purge
#>
[CmdletBinding()]
param(
  [switch]$System,
  [string[]]$Browser = @(),
  [string]$BuildDir = "",
  [switch]$SkipDeps,
  [switch]$Uninstall,
  [switch]$Purge
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Top = Split-Path -Parent $PSScriptRoot

if ($System) {
  $principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
  if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw "-System needs an elevated PowerShell (Run as administrator)."
  }
  $BinDir = Join-Path $env:ProgramFiles 'Objector'
  $ScopeArgs = @('--system')
} else {
  $BinDir = Join-Path $env:LOCALAPPDATA 'Programs\Objector'
  $ScopeArgs = @()
}
$ExtDir = Join-Path $BinDir 'extension'
$Objector = Join-Path $BinDir 'objector.exe'

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
  & $Exe @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if ($Uninstall) {
  if (Test-Path $Objector) {
    $purgeArgs = @(); if ($Purge) { $purgeArgs = @('--purge') }
    Invoke-Checked $Objector (@('uninstall') + $ScopeArgs + $purgeArgs)
  } else {
    Write-Warning "$Objector not found; nothing to unregister."
  }
  if (Test-Path $BinDir) { Remove-Item -Recurse -Force $BinDir }
  Write-Host 'Objector removed.'
  return
}

function Test-Command([string]$Name) { return [bool](Get-Command $Name -ErrorAction SilentlyContinue) }

function Install-Deps {
  $winget = @(
    @{ cmd = 'cmake'; id = 'Kitware.CMake' },
    @{ cmd = 'git';   id = 'Git.Git' },
    @{ cmd = 'node';  id = 'OpenJS.NodeJS.LTS' }
  )
  foreach ($d in $winget) {
    if (-not (Test-Command $d.cmd)) {
      if (-not (Test-Command 'winget')) { throw "Install $($d.cmd) (winget is not available to do it)." }
      Write-Host "== installing $($d.id)"
      Invoke-Checked 'winget' @('install', '--silent', '--accept-package-agreements', '--accept-source-agreements', '--id', $d.id)
    }
  }
  $vswhere = Join-Path ${env:ProgramFiles(x86)} 'Microsoft Visual Studio\Installer\vswhere.exe'
  $haveVc = (Test-Path $vswhere) -and (& $vswhere -latest -products * -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -property installationPath)
  if (-not $haveVc) {
    Write-Host '== installing Visual Studio Build Tools (C++)'
    Invoke-Checked 'winget' @('install', '--silent', '--accept-package-agreements', '--accept-source-agreements',
      '--id', 'Microsoft.VisualStudio.2022.BuildTools', '--override',
      '--quiet --wait --add Microsoft.VisualStudio.Workload.VCTools --includeRecommended')
  }
  if (-not (Test-Path (Join-Path $Vcpkg 'vcpkg.exe'))) {
    Write-Host "== setting up vcpkg in $Vcpkg"
    if (-not (Test-Path $Vcpkg)) { Invoke-Checked 'git' @('clone', '--depth', '1', 'https://github.com/microsoft/vcpkg', $Vcpkg) }
    Invoke-Checked (Join-Path $Vcpkg 'bootstrap-vcpkg.bat') @('-disableMetrics')
  }
  Invoke-Checked (Join-Path $Vcpkg 'vcpkg.exe') @('install', '--triplet', 'x64-windows-static',
    'boost-asio', 'nlohmann-json', 'sqlitecpp', 'sqlite3', 'cpp-httplib', 'catch2')
}

$Vcpkg = if ($env:VCPKG_ROOT) { $env:VCPKG_ROOT } else { Join-Path $env:LOCALAPPDATA 'objector-vcpkg' }
if (-not $SkipDeps) { Install-Deps }

if (-not $BuildDir) { $BuildDir = Join-Path $Top 'build\release' }
Write-Host "== build ($BuildDir)"
if (-not (Test-Path (Join-Path $BuildDir 'CMakeCache.txt'))) {
  Invoke-Checked 'cmake' @('-S', $Top, '-B', $BuildDir, '-DOBJECTOR_BUILD_TESTS=OFF',
    "-DCMAKE_TOOLCHAIN_FILE=$Vcpkg\scripts\buildsystems\vcpkg.cmake", '-DVCPKG_TARGET_TRIPLET=x64-windows-static')
}
Invoke-Checked 'cmake' @('--build', $BuildDir, '--config', 'Release', '--target', 'objector-host', 'objector')

Write-Host "== install binaries ($BinDir)"
New-Item -ItemType Directory -Force -Path $BinDir | Out-Null
foreach ($exe in @('objector-host.exe', 'objector.exe')) {
  $built = Get-ChildItem -Path (Join-Path $BuildDir 'host') -Recurse -Filter $exe | Select-Object -First 1
  if (-not $built) { throw "build did not produce $exe" }
  Copy-Item -Force $built.FullName (Join-Path $BinDir $exe)
}

Write-Host '== register the host with your browsers'
$browserArgs = @()
foreach ($b in $Browser) { $browserArgs += @('--browser', $b) }
Invoke-Checked $Objector (@('install') + $ScopeArgs + $browserArgs + @('--host', (Join-Path $BinDir 'objector-host.exe')))

Write-Host "== build the extension ($ExtDir)"
if (Test-Path $ExtDir) { Remove-Item -Recurse -Force $ExtDir }
Invoke-Checked 'node' @((Join-Path $Top 'extension\build.mjs'), '--out', $ExtDir)

Write-Host @"

Objector is installed. Load the extension:

  Chrome, Edge, Brave, Vivaldi, Opera:
    1. open chrome://extensions (edge://extensions in Edge)
    2. switch on "Developer mode"
    3. click "Load unpacked" and choose  $ExtDir\chromium

  Firefox:
    1. open about:debugging#/runtime/this-firefox
    2. click "Load Temporary Add-on..." and choose  $ExtDir\firefox\manifest.json

Check the set-up at any time with:  & '$Objector' doctor
Remove Objector with:  powershell -File '$PSCommandPath' -Uninstall
"@
