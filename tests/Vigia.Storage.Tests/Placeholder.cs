namespace Vigia.Storage.Tests;
