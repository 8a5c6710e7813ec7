console.log("hello from pts", process.argv.slice(2).join(" "))
