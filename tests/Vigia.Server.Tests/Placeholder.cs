namespace Vigia.Server.Tests;
