using Gongkai.Web;

var app = GongkaiWebApp.Build(args);
await GongkaiWebApp.PrepareDatabaseAsync(app);
await app.RunAsync();
